using Doc2Hash.Data.Acquisition;
using Doc2Hash.Data.Preprocessing;
using Doc2Hash.Data.Readers;

namespace Doc2Hash.Data;

/// <summary>
/// A registered corpus: what it is, the files of its canonical release, how train and test are defined, whether
/// documents carry one label or several, and which labels the preprocessing keeps by default.
/// </summary>
/// <param name="IsMultiLabel">Null for user corpora, where the data decides (see <see cref="RawCorpus.IsMultiLabel"/>).</param>
/// <param name="ExpectedCounts">Documents per split of the release (checked on read); null when not fixed.</param>
/// <param name="LocalPath">The folder or file of a user corpus; null for registered corpora.</param>
public sealed record DatasetEntry(
    string Name,
    string Description,
    CorpusFormat Format,
    IReadOnlyList<SourceFile> Sources,
    string SplitRule,
    bool? IsMultiLabel,
    LabelSelection DefaultLabels,
    SplitCounts? ExpectedCounts = null,
    string? LocalPath = null)
{
    public bool IsUserCorpus => LocalPath is not null;

    public SourceFile Source(string relativePath) =>
        Sources.FirstOrDefault(s => s.RelativePath == relativePath)
        ?? throw new InvalidOperationException($"Dataset '{Name}' has no source file '{relativePath}'.");
}
