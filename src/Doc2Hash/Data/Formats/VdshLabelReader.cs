using Doc2Hash.IO;

namespace Doc2Hash.Data.Formats;

/// <summary>
/// Reads the gnd_* label variables of a VDSH-layout file into label sets, for all splits together (the label count,
/// the class-id base and single- vs multi-label are properties of the whole dataset, not of one split).
/// </summary>
internal static class VdshLabelReader
{
    /// <summary>Per split, the label sets; the splits' document counts check the shapes.</summary>
    public static LabelMatrix[] Read(MatFile file, IReadOnlyList<string> keys, IReadOnlyList<int> documentCounts)
    {
        var variables = keys.Select(key => file[key]).ToArray();
        for (int i = 0; i < variables.Length; i++)
            CheckShape(file, variables[i], documentCounts[i]);
        bool classIds = variables.Select((v, i) => IsClassIdVector(v, documentCounts[i])).All(isVector => isVector);
        var sets = classIds ? FromClassIds(file, variables) : FromIndicatorRows(file, variables, documentCounts);
        int labelCount = classIds ? ClassCount(sets) : variables[0].Columns;
        bool multiLabel = sets.Any(split => split.Any(labels => labels.Count != 1));
        return sets.Select(split => multiLabel
            ? LabelMatrix.MultiLabel(labelCount, split)
            : LabelMatrix.SingleLabel(labelCount, split.Select(labels => labels[0]).ToArray())).ToArray();
    }

    private static void CheckShape(MatFile file, MatVariable variable, int documents)
    {
        if (variable is MatDenseArray { Dimensions.Count: > 2 })
            throw new DataFormatException($"'{file.Path}': '{variable.Name}' is a {variable.Describe()}; labels must be 2-D.");
        if (variable.Rows != documents && !(variable.Rows == 1 && variable.Columns == documents))
            throw new DataFormatException($"'{file.Path}': '{variable.Name}' has {variable.Rows} rows but its split has {documents} documents; label rows must match documents one to one.");
    }

    /// <summary>A documents x 1 column or 1 x documents row holds one class id per document.</summary>
    private static bool IsClassIdVector(MatVariable variable, int documents) =>
        variable.Columns == 1 || (variable.Rows == 1 && variable.Columns == documents && documents != 1);

    private static List<int>[][] FromIndicatorRows(MatFile file, MatVariable[] variables, IReadOnlyList<int> documentCounts)
    {
        for (int i = 1; i < variables.Length; i++)
        {
            if (variables[i].Columns != variables[0].Columns)
                throw new DataFormatException($"'{file.Path}': '{variables[i].Name}' has {variables[i].Columns} label columns but '{variables[0].Name}' has {variables[0].Columns}; all splits must share one label set.");
        }
        return variables.Select((v, i) => IndicatorSets(file, v, documentCounts[i])).ToArray();
    }

    private static List<int>[] IndicatorSets(MatFile file, MatVariable variable, int documents)
    {
        var sets = Enumerable.Range(0, documents).Select(_ => new List<int>()).ToArray();
        switch (variable)
        {
            case MatDenseArray dense:
                // Column-major order visits labels in increasing order, so each set comes out sorted.
                for (int label = 0; label < dense.Columns; label++)
                    for (int document = 0; document < documents; document++)
                        if (dense[document, label] > 0) sets[document].Add(label);
                break;
            case MatSparseArray sparse:
                for (int label = 0; label < sparse.Columns; label++)
                    for (int k = sparse.ColumnPointers[label]; k < sparse.ColumnPointers[label + 1]; k++)
                        if (sparse.Values[k] > 0) sets[sparse.RowIndices[k]].Add(label);
                break;
            default:
                throw new DataFormatException($"'{file.Path}': '{variable.Name}' is a {variable.Describe()}; expected a label matrix.");
        }
        return sets;
    }

    /// <summary>
    /// Class ids as MATLAB writes them are 1-based; ids that include a 0 anywhere in the dataset are taken as 0-based.
    /// </summary>
    private static List<int>[][] FromClassIds(MatFile file, MatVariable[] variables)
    {
        var ids = variables.Select(v => ClassIdValues(file, v)).ToArray();
        int offset = ids.Any(split => split.Contains(0)) ? 0 : 1;
        return ids.Select(split => split.Select(id => new List<int> { id - offset }).ToArray()).ToArray();
    }

    private static int[] ClassIdValues(MatFile file, MatVariable variable)
    {
        if (variable is not MatDenseArray dense)
            throw new DataFormatException($"'{file.Path}': '{variable.Name}' is a {variable.Describe()}; a class-id vector must be dense.");
        return dense.Data.Select((value, i) => value >= 0 && value == Math.Floor(value) && value <= int.MaxValue
            ? (int)value
            : throw new DataFormatException($"'{file.Path}': '{variable.Name}' holds {value} for document {i}; class ids must be non-negative integers.")).ToArray();
    }

    private static int ClassCount(List<int>[][] sets) => sets.SelectMany(split => split).Select(labels => labels[0]).DefaultIfEmpty(-1).Max() + 1;
}
