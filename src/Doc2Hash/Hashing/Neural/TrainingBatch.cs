using Doc2Hash.Data;
using Doc2Hash.Text;

namespace Doc2Hash.Hashing.Neural;

/// <summary>One minibatch: TF-IDF rows and their labels (supervised models use them, the others ignore them).</summary>
public sealed record TrainingBatch(SparseMatrix Features, LabelMatrix Labels)
{
    public int Count => Features.Rows;
}
