using Doc2Hash.Data.Readers;

namespace Doc2Hash.Data;

/// <summary>
/// Where corpora come from and how the raw readers behave. Every default reproduces the authors' setting; override
/// with <c>with</c>.
/// </summary>
public sealed record DataOptions
{
    /// <summary>Root of the local data cache; null: env DOC2HASH_DATA_DIR, else the clone's data/, else ~/.cache/doc2hash.</summary>
    public string? DataRoot { get; init; }

    /// <summary>Offline mirror folder laid out like the canonical file names; null: env DOC2HASH_DATA_MIRROR.</summary>
    public string? MirrorDirectory { get; init; }

    /// <summary>Whether a file in neither cache nor mirror may be downloaded from its canonical URL.</summary>
    public bool AllowDownload { get; init; } = true;

    /// <summary>Give up on a download that makes no progress for this long (an offline machine fails fast).</summary>
    public TimeSpan DownloadTimeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>20 Newsgroups cleaning: the authors use remove=('headers', 'footers', 'quotes').</summary>
    public NewsgroupsCleaning Newsgroups { get; init; } = NewsgroupsCleaning.All;

    /// <summary>RCV1 sampling: the authors' 100,000 train + 20,000 test (halved later into test and validation).</summary>
    public Rcv1Sampling Rcv1 { get; init; } = new();

    /// <summary>User corpora without a split column: share of documents put into test, and the seed of that split.</summary>
    public UserCorpusSplit UserSplit { get; init; } = new();

    /// <summary>
    /// Text encoding of user corpora (CSV, JSON Lines, folders) by name (<see cref="TextDecoding.SupportedNames"/>).
    /// UTF-8 is read strictly: a file that is not UTF-8 is an error naming the byte, never silently garbled text.
    /// </summary>
    public string UserEncoding { get; init; } = TextDecoding.Utf8Name;

    public static DataOptions Default { get; } = new();
}
