using System.Globalization;
using Doc2Hash.Text;

namespace Doc2Hash.Data.Preprocessing;

/// <summary>
/// Every knob of the preprocessing, with the authors' values as defaults (VDSH PyTorch scripts that Doc2hash ships:
/// create_single_label_dataset.py, create_multi_label_dataset.py, then <c>TfidfTransformer(sublinear_tf=True)</c>).
/// Override with <c>with</c>: <c>PreprocessingConfig.Default with { MaxFeatures = 5000 }</c>.
/// </summary>
public sealed record PreprocessingConfig
{
    /// <summary>The authors' settings; labels: every label name of the training split (20 Newsgroups, TMC).</summary>
    public static PreprocessingConfig Default { get; } = new();

    /// <summary>The authors' Reuters settings (create_multi_label_dataset.py): the 20 most frequent label tokens.</summary>
    public static PreprocessingConfig AuthorsReuters { get; } = new() { Labels = LabelSelection.TopTokens(AuthorsReutersLabelTokens) };

    /// <summary>The authors keep 20 label tokens for Reuters (<c>num_labels = 20</c>).</summary>
    public const int AuthorsReutersLabelTokens = 20;

    /// <summary>Bumped whenever the pipeline's semantics change, so cached datasets made by older code are rebuilt.</summary>
    public const int PipelineVersion = 1;

    /// <summary>max_features: the 10,000 most frequent terms (by total count in train) are kept (authors' --vocab_size).</summary>
    public int? MaxFeatures { get; init; } = 10_000;

    /// <summary>min_df: a term must occur in at least 3 training documents (authors' --min_df, an integer count).</summary>
    public DocumentFrequencyBound MinDocumentFrequency { get; init; } = DocumentFrequencyBound.Count(3);

    /// <summary>max_df: a term may occur in at most 80% of the training documents (authors' --max_df, a proportion).</summary>
    public DocumentFrequencyBound MaxDocumentFrequency { get; init; } = DocumentFrequencyBound.Proportion(0.8);

    /// <summary>Terms tied at the max_features cut are chosen exactly as scikit-learn (numpy's argsort) chooses them.</summary>
    public MaxFeaturesTieBreak TieBreak { get; init; } = MaxFeaturesTieBreak.ScikitLearn;

    /// <summary>stop_words='english': scikit-learn's 318 English stop words never become terms.</summary>
    public bool RemoveStopWords { get; init; } = true;

    /// <summary>Keep documents with 5 &lt; length &lt;= 500 kept-vocabulary tokens, in every split (authors' filters).</summary>
    public DocumentLengthRange Length { get; init; } = DocumentLengthRange.Authors;

    /// <summary>Seed of the shuffle that halves the filtered test split into validation and test (the authors had none).</summary>
    public int Seed { get; init; } = 1;

    /// <summary>Which labels are kept: all label names of train. The authors' Reuters setting is LabelSelection.TopTokens(20).</summary>
    public LabelSelection Labels { get; init; } = LabelSelection.All;

    /// <summary>Multi-label data: training documents with none of the kept labels stay (authors: 638 such Reuters documents).</summary>
    public bool KeepUnlabelledTrain { get; init; } = true;

    /// <summary>Multi-label data: test documents with none of the kept labels are dropped before the halving (authors).</summary>
    public bool KeepUnlabelledTest { get; init; } = false;

    /// <summary>sublinear_tf=True: tf = 1 + ln(count) (authors).</summary>
    public bool SublinearTf { get; init; } = true;

    /// <summary>smooth_idf=True: idf = ln((1 + n) / (1 + df)) + 1 (scikit-learn's default, kept by the authors).</summary>
    public bool SmoothIdf { get; init; } = true;

    /// <summary>norm='l2': every TF-IDF row has unit length (scikit-learn's default, kept by the authors).</summary>
    public bool L2Normalize { get; init; } = true;

    public VocabularyOptions ToVocabularyOptions() => new(
        MinDocumentFrequency, MaxDocumentFrequency, MaxFeatures, RemoveStopWords ? StopWords.English : StopWords.None, TieBreak);

    public TfidfOptions ToTfidfOptions() => new(SublinearTf, SmoothIdf, L2Normalize);

    /// <summary>
    /// A stable, human-readable text naming every setting and the pipeline version, for cache manifests: equal
    /// fingerprints mean identically prepared data from the same corpus. It does not depend on culture or platform.
    /// </summary>
    public string Fingerprint() => string.Join(';',
        $"doc2hash-preprocessing=v{PipelineVersion}",
        $"max_features={(MaxFeatures is int n ? n.ToString(CultureInfo.InvariantCulture) : "all")}",
        $"min_df={MinDocumentFrequency}",
        $"max_df={MaxDocumentFrequency}",
        $"ties={(TieBreak == MaxFeaturesTieBreak.ScikitLearn ? "sklearn" : "ascending-term")}",
        $"stop_words={(RemoveStopWords ? "sklearn-english" : "none")}",
        $"length={Length}",
        $"seed={Seed.ToString(CultureInfo.InvariantCulture)}",
        $"labels={Labels}",
        $"keep_unlabelled_train={Flag(KeepUnlabelledTrain)}",
        $"keep_unlabelled_test={Flag(KeepUnlabelledTest)}",
        $"tfidf=sublinear:{Flag(SublinearTf)},smooth:{Flag(SmoothIdf)},l2:{Flag(L2Normalize)}");

    private static string Flag(bool value) => value ? "yes" : "no";
}
