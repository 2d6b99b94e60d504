using Doc2Hash.Data;
using Doc2Hash.Retrieval;
using Doc2Hash.Text;

namespace Doc2Hash.Hashing;

/// <summary>
/// What every hashing method offers, neural or classic: learn from a prepared dataset, then map any TF-IDF
/// documents (rows over the same vocabulary) to binary codes. Evaluators and experiment runners only see this.
/// </summary>
public interface IHashingMethod
{
    /// <summary>Short stable name used in run folders and tables, e.g. "doc2hash", "lsh".</summary>
    string Name { get; }

    /// <summary>Code length in bits.</summary>
    int Bits { get; }

    /// <summary>Encodes documents deterministically (no sampling noise, evaluation mode).</summary>
    BinaryCodes Encode(SparseMatrix documents);
}
