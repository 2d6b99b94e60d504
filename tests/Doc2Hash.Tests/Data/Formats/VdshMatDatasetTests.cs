using Doc2Hash.IO;
using Doc2Hash.Tests.TestSupport;
using Doc2Hash.Data;
using Doc2Hash.Data.Formats;
using Doc2Hash.Text;

namespace Doc2Hash.Tests.Data.Formats;

public class VdshMatDatasetTests
{
    [Fact]
    public void Loads_splits_and_one_hot_labels_as_a_single_label_dataset()
    {
        var dataset = VdshMatDataset.Load(MatFixtures.Path("vdsh_single.mat"));

        // make_fixtures.py: 4 / 2 / 2 documents over 5 words; one-hot classes train 0, 2, 1, 2; cv 1, 0; test 2, 2.
        Assert.Equal("vdsh_single", dataset.Name);
        Assert.Equal(["w0", "w1", "w2", "w3", "w4"], dataset.Vocabulary);
        Assert.Equal(["0", "1", "2"], dataset.LabelNames);
        Assert.False(dataset.IsMultiLabel);
        Assert.Equal((4, 2, 2), (dataset.Train.Count, dataset.Validation.Count, dataset.Test.Count));
        Assert.Equal([0, 2, 1, 2], dataset.Train.Labels.LabelIds);
        Assert.Equal([1, 0], dataset.Validation.Labels.LabelIds);
        Assert.Equal([2, 2], dataset.Test.Labels.LabelIds);
        // Train row 2 is [0, 0, 0, 0.28, 0.96] and row 3 is [0.5, 0.5, 0.5, 0.5, 0].
        Assert.Equal([3, 4], dataset.Train.Features.RowIndices(2).ToArray());
        Assert.Equal([0.28f, 0.96f], dataset.Train.Features.RowValues(2).ToArray());
        Assert.Equal([0, 1, 2, 3], dataset.Train.Features.RowIndices(3).ToArray());
    }

    [Fact]
    public void Loads_multi_hot_labels_as_a_multi_label_dataset()
    {
        var dataset = VdshMatDataset.Load(MatFixtures.Path("vdsh_multi.mat"), "multi");

        // make_fixtures.py: train {0,1}, {2}, {}, {0,2}; cv {1}, {0,1,2}; test {2}, {0}.
        Assert.Equal("multi", dataset.Name);
        Assert.True(dataset.IsMultiLabel);
        Assert.Equal(3, dataset.LabelCount);
        Assert.Equal([0, 2, 3, 3, 5], dataset.Train.Labels.RowPointers);
        Assert.Equal([0, 1, 2, 0, 2], dataset.Train.Labels.LabelIds);
        Assert.Equal([1, 0, 1, 2], dataset.Validation.Labels.LabelIds);
        Assert.Equal([2, 0], dataset.Test.Labels.LabelIds);
    }

    [Fact]
    public void Reads_one_based_class_id_columns()
    {
        var dataset = VdshMatDataset.Load(MatFixtures.Path("vdsh_class_ids.mat"));

        // make_fixtures.py: 1-based ids train 1, 3, 2, 3; cv 2, 1; test 3, 3 -> classes 0, 2, 1, 2 / 1, 0 / 2, 2.
        Assert.False(dataset.IsMultiLabel);
        Assert.Equal(3, dataset.LabelCount);
        Assert.Equal([0, 2, 1, 2], dataset.Train.Labels.LabelIds);
        Assert.Equal([1, 0], dataset.Validation.Labels.LabelIds);
        Assert.Equal([2, 2], dataset.Test.Labels.LabelIds);
    }

    [Fact]
    public void Zero_based_class_ids_are_kept_when_a_zero_occurs()
    {
        using var folder = new TemporaryDirectory();
        string path = folder.File("ids.mat");
        var features = MatSparseArray.FromCsr("x", SparseMatrix.FromDense(new float[,] { { 1 }, { 1 } }));
        MatFile.Write(path, [
            Renamed(features, "train"), Renamed(features, "cv"), Renamed(features, "test"),
            Column("gnd_train", 0, 4), Column("gnd_cv", 1, 1), Column("gnd_test", 4, 0)]);

        var dataset = VdshMatDataset.Load(path);

        Assert.Equal(5, dataset.LabelCount);
        Assert.Equal([0, 4], dataset.Train.Labels.LabelIds);
        Assert.Equal([4, 0], dataset.Test.Labels.LabelIds);
    }

    [Theory]
    [InlineData("vdsh_single.mat", true)]
    [InlineData("vdsh_multi.mat", false)]
    public void Save_then_load_gives_identical_matrices_and_labels(string fixture, bool compress)
    {
        using var folder = new TemporaryDirectory();
        var original = VdshMatDataset.Load(MatFixtures.Path(fixture));
        string path = folder.File("copy.tfidf.mat");

        VdshMatDataset.Save(original, path, compress);
        var copy = VdshMatDataset.Load(path);

        Assert.Equal("copy", copy.Name);
        Assert.Equal(original.Vocabulary, copy.Vocabulary);
        Assert.Equal(original.LabelNames, copy.LabelNames);
        Assert.Equal(original.IsMultiLabel, copy.IsMultiLabel);
        foreach (var (a, b) in new[] { (original.Train, copy.Train), (original.Validation, copy.Validation), (original.Test, copy.Test) })
        {
            Assert.Equal(a.Features.RowPointers, b.Features.RowPointers);
            Assert.Equal(a.Features.ColumnIndices, b.Features.ColumnIndices);
            Assert.Equal(a.Features.Values, b.Features.Values);
            Assert.Equal(a.Labels.RowPointers, b.Labels.RowPointers);
            Assert.Equal(a.Labels.LabelIds, b.Labels.LabelIds);
        }
    }

    [Fact]
    public void Saved_labels_are_one_hot_rows_in_the_vdsh_layout()
    {
        using var folder = new TemporaryDirectory();
        string path = folder.File("single.mat");

        VdshMatDataset.Save(VdshMatDataset.Load(MatFixtures.Path("vdsh_single.mat")), path);

        // Test classes 2, 2 over 3 labels: rows [0 0 1; 0 0 1], column-major [0 0 | 0 0 | 1 1].
        var gnd = Assert.IsType<MatDenseArray>(MatFile.Read(path)["gnd_test"]);
        Assert.Equal([2, 3], gnd.Dimensions);
        Assert.Equal([0.0, 0, 0, 0, 1, 1], gnd.Data);
    }

    [Fact]
    [BadInput(".mat (VDSH)", "gnd_cv with 3 rows for 2 documents", "DataFormatException: 'gnd_cv' has 3 rows but its split has 2 documents")]
    public void Label_rows_that_do_not_match_the_documents_are_reported()
    {
        using var folder = new TemporaryDirectory();
        string path = folder.File("bad.mat");
        var features = MatSparseArray.FromCsr("x", SparseMatrix.FromDense(new float[,] { { 1 }, { 1 } }));
        var threeRows = MatDenseArray.FromRows("gnd_cv", new double[,] { { 1, 0 }, { 0, 1 }, { 1, 0 } });
        var twoRows = new double[,] { { 1, 0 }, { 0, 1 } };
        MatFile.Write(path, [
            Renamed(features, "train"), Renamed(features, "cv"), Renamed(features, "test"),
            MatDenseArray.FromRows("gnd_train", twoRows), threeRows, MatDenseArray.FromRows("gnd_test", twoRows)]);

        var error = Assert.Throws<DataFormatException>(() => VdshMatDataset.Load(path));

        Assert.Contains("'gnd_cv' has 3 rows but its split has 2 documents", error.Message);
        Assert.Contains(path, error.Message);
    }

    [Fact]
    [BadInput(".mat (VDSH)", "a .mat file with none of the VDSH variables", "DataFormatException: is not a VDSH dataset file: it lacks the variables train, cv, ... (it has ...)")]
    public void A_file_without_the_vdsh_keys_is_reported_with_what_it_has()
    {
        var error = Assert.Throws<DataFormatException>(() => VdshMatDataset.Load(MatFixtures.Path("sparse_compressed.mat")));

        Assert.Contains("is not a VDSH dataset file: it lacks the variables train, cv, test, gnd_train, gnd_cv, gnd_test", error.Message);
        Assert.Contains("empty, m", error.Message);
    }

    [Fact]
    [BadInput(".mat (VDSH)", "a VDSH file without the validation split 'cv' (and 'gnd_cv')", "DataFormatException: '...' is not a VDSH dataset file: it lacks the variables cv, gnd_cv (it has gnd_test, gnd_train, test, train) (was an unhandled KeyNotFoundException)")]
    public void A_file_without_cv_names_the_missing_variables_instead_of_a_key_not_found_crash()
    {
        using var folder = new TemporaryDirectory();
        string path = folder.File("nocv.tfidf.mat");
        var features = MatSparseArray.FromCsr("x", SparseMatrix.FromDense(new float[,] { { 1 }, { 1 } }));
        var labels = new double[,] { { 1, 0 }, { 0, 1 } };
        MatFile.Write(path, [Renamed(features, "train"), Renamed(features, "test"), MatDenseArray.FromRows("gnd_train", labels), MatDenseArray.FromRows("gnd_test", labels)]);

        var error = Assert.Throws<DataFormatException>(() => VdshMatDataset.Load(path));

        Assert.Contains($"'{path}' is not a VDSH dataset file: it lacks the variables cv, gnd_cv (it has gnd_test, gnd_train, test, train)", error.Message);
    }

    [Fact]
    [BadInput(".mat (VDSH)", "a sparse 'train' matrix declaring 2^31-1 documents with no stored value (a 400-byte file)", "DataFormatException: 2147483647 documents is more than this reader supports (100000000); no 8 GB allocation")]
    public void A_sparse_matrix_with_a_corrupt_row_count_is_refused_before_any_allocation()
    {
        using var folder = new TemporaryDirectory();
        string path = folder.File("huge.tfidf.mat");
        var small = MatSparseArray.FromCsr("x", SparseMatrix.FromDense(new float[,] { { 1 }, { 1 } }));
        var huge = new MatSparseArray("train", int.MaxValue, 1, [0, 0], [], []);
        var labels = new double[,] { { 1, 0 }, { 0, 1 } };
        MatFile.Write(path, [huge, Renamed(small, "cv"), Renamed(small, "test"),
            MatDenseArray.FromRows("gnd_train", labels), MatDenseArray.FromRows("gnd_cv", labels), MatDenseArray.FromRows("gnd_test", labels)]);

        var error = Assert.Throws<DataFormatException>(() => VdshMatDataset.Load(path));

        Assert.Contains("2147483647 documents is more than this reader supports (100000000)", error.Message);
    }

    private static MatSparseArray Renamed(MatSparseArray matrix, string name) =>
        new(name, matrix.Rows, matrix.Columns, matrix.ColumnPointers, matrix.RowIndices, matrix.Values);

    private static MatDenseArray Column(string name, params double[] ids) => new(name, [ids.Length, 1], ids);
}
