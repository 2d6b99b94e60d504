using Doc2Hash.Text;
using Doc2Hash.IO;

namespace Doc2Hash.Data.Formats;

/// <summary>
/// The preprocessed-dataset layout of VDSH (Chaidaroon and Fang, 2017), used by later hashing papers through files
/// such as ng20.tfidf.mat: variables train, cv, test (sparse documents x words tf-idf) and gnd_train, gnd_cv,
/// gnd_test (labels). Labels are read either as indicator rows (documents x labels; a value above zero marks a
/// label, so 0/1 and -1/+1 matrices both work) or as a vector of class ids, decided by shape.
/// The files carry no words or label names, so the vocabulary is "w0".."wV-1" and label names "0".."L-1".
/// </summary>
public static class VdshMatDataset
{
    public const string TrainKey = "train";
    public const string ValidationKey = "cv";
    public const string TestKey = "test";
    public const string LabelPrefix = "gnd_";
    private const string MatExtension = ".mat";
    private const string TfidfSuffix = ".tfidf";

    /// <summary>Loads a VDSH-layout file; the name defaults to the file name without ".tfidf.mat" (e.g. "ng20").</summary>
    public static HashingDataset Load(string path, string? name = null)
    {
        var file = MatFile.Read(path);
        var keys = new[] { TrainKey, ValidationKey, TestKey };
        RequireVariables(file, [.. keys, .. keys.Select(key => LabelPrefix + key)]);
        var features = keys.Select(key => Features(file, key)).ToArray();
        for (int i = 1; i < features.Length; i++)
        {
            if (features[i].Columns != features[0].Columns)
                throw new DataFormatException($"'{path}': '{keys[i]}' has {features[i].Columns} columns (words) but '{TrainKey}' has {features[0].Columns}; all splits must share one vocabulary.");
        }
        var labels = VdshLabelReader.Read(file, keys.Select(key => LabelPrefix + key).ToArray(), features.Select(f => f.Rows).ToArray());
        var vocabulary = Enumerable.Range(0, features[0].Columns).Select(i => $"w{i}").ToArray();
        var labelNames = Enumerable.Range(0, labels[0].LabelCount).Select(i => i.ToString(System.Globalization.CultureInfo.InvariantCulture)).ToArray();
        return new HashingDataset(name ?? DefaultName(path), vocabulary, labelNames,
            new DatasetSplit(features[0], labels[0]), new DatasetSplit(features[1], labels[1]), new DatasetSplit(features[2], labels[2]));
    }

    /// <summary>
    /// Writes the dataset in the VDSH layout: sparse double splits and dense double indicator rows (one-hot for
    /// single-label data), so the field's Python code (scipy.io.loadmat) runs on the kit's exact splits.
    /// Vocabulary and label names are not stored (the layout has no place for them).
    /// </summary>
    public static void Save(HashingDataset dataset, string path, bool compress = true, bool overwrite = false)
    {
        var splits = new[] { (TrainKey, dataset.Train), (ValidationKey, dataset.Validation), (TestKey, dataset.Test) };
        var variables = new List<MatVariable>();
        foreach (var (key, split) in splits)
            variables.Add(MatSparseArray.FromCsr(key, split.Features));
        foreach (var (key, split) in splits)
            variables.Add(IndicatorRows(LabelPrefix + key, split.Labels));
        MatFile.Write(path, variables, compress, overwrite);
    }

    /// <summary>All six VDSH variables must be present; a missing one is named with what the file holds instead.</summary>
    private static void RequireVariables(MatFile file, string[] required)
    {
        var missing = required.Where(name => !file.Contains(name)).ToList();
        if (missing.Count == 0) return;
        string present = file.ByName.Count == 0 ? "no numeric variables" : string.Join(", ", file.ByName.Keys.Order(StringComparer.Ordinal));
        throw new DataFormatException(
            $"'{file.Path}' is not a VDSH dataset file: it lacks the variable{(missing.Count == 1 ? "" : "s")} {string.Join(", ", missing)} (it has {present}). " +
            $"A VDSH file holds {string.Join(", ", required)}: the train, validation (cv) and test TF-IDF matrices and their labels.");
    }

    /// <summary>
    /// More documents than any corpus of the literature (RCV1 has 804,414) by two orders of magnitude. A sparse matrix
    /// stores no bytes for empty rows, so a corrupt row count is bounded by nothing in the file; converting it would
    /// allocate 4 bytes per row.
    /// </summary>
    public const int MaxDocuments = 100_000_000;

    private static SparseMatrix Features(MatFile file, string key) => file[key] switch
    {
        { Rows: > MaxDocuments } huge => throw new DataFormatException(
            $"'{file.Path}': '{key}' is a {huge.Describe()}; {huge.Rows} documents is more than this reader supports ({MaxDocuments}). The file is corrupt."),
        MatSparseArray sparse => sparse.ToCsr(),
        MatDenseArray { Dimensions.Count: 2 } dense => DenseToCsr(dense),
        var other => throw new DataFormatException($"'{file.Path}': '{key}' is a {other.Describe()}; expected a 2-D documents x words matrix."),
    };

    private static SparseMatrix DenseToCsr(MatDenseArray dense)
    {
        var rows = new float[dense.Rows, dense.Columns];
        for (int r = 0; r < dense.Rows; r++)
            for (int c = 0; c < dense.Columns; c++)
                rows[r, c] = (float)dense[r, c];
        return SparseMatrix.FromDense(rows);
    }

    private static MatDenseArray IndicatorRows(string name, LabelMatrix labels)
    {
        var data = new double[labels.Count * labels.LabelCount];
        for (int document = 0; document < labels.Count; document++)
            foreach (int label in labels.Of(document))
                data[document + label * labels.Count] = 1.0;
        return new MatDenseArray(name, [labels.Count, labels.LabelCount], data);
    }

    private static string DefaultName(string path)
    {
        string name = Path.GetFileName(path);
        if (name.EndsWith(MatExtension, StringComparison.OrdinalIgnoreCase)) name = name[..^MatExtension.Length];
        if (name.EndsWith(TfidfSuffix, StringComparison.OrdinalIgnoreCase)) name = name[..^TfidfSuffix.Length];
        return name;
    }
}
