using Doc2Hash.Text;

namespace Doc2Hash.Data.Preprocessing;

/// <summary>
/// Turns a <see cref="RawCorpus"/> into a <see cref="HashingDataset"/> in the authors' order of operations
/// (create_single_label_dataset.py / create_multi_label_dataset.py, then the TF-IDF step of their notebooks):
/// <list type="number">
/// <item>labels are chosen on train (<see cref="PreprocessingConfig.Labels"/>); in single-label data a document whose
/// label is not kept is removed from its split, as if the corpus had only the kept classes;</item>
/// <item>the vocabulary is fitted on every remaining training document (CountVectorizer.fit);</item>
/// <item>every split is counted over that vocabulary, and documents outside the length range are dropped in every
/// split; in multi-label data, documents left with no kept label are dropped where the config says so;</item>
/// <item>the filtered test split is shuffled with the seed and halved into validation (first, larger half) and test;</item>
/// <item>TF-IDF is fitted on the filtered training counts and applied to all three splits.</item>
/// </list>
/// </summary>
public static class Preprocessor
{
    public static HashingDataset Prepare(RawCorpus corpus, PreprocessingConfig config) => Run(corpus, config, withReport: false).Dataset;

    /// <summary>
    /// <see cref="Prepare"/>, plus what each step removed (<see cref="PreprocessingReport"/>: documents per split and
    /// filter, document lengths, vocabulary cuts, stop words, idf), for notebooks and reports. Same dataset as
    /// <see cref="Prepare"/>; it costs one more tokenisation of the training texts (the stop-word counts).
    /// </summary>
    public static (HashingDataset Dataset, PreprocessingReport Report) PrepareWithReport(RawCorpus corpus, PreprocessingConfig config)
    {
        var (dataset, report) = Run(corpus, config, withReport: true);
        return (dataset, report!);
    }

    private static (HashingDataset Dataset, PreprocessingReport? Report) Run(RawCorpus corpus, PreprocessingConfig config, bool withReport)
    {
        CheckCorpus(corpus);
        var labels = LabelEncoding.Fit(corpus.Train, config.Labels);
        var train = LabelledSplit.Encode("train", corpus.Train, labels, corpus.IsMultiLabel);
        var test = LabelledSplit.Encode("test", corpus.Test, labels, corpus.IsMultiLabel);
        train.RequireDocuments(corpus.Name, config);
        test.RequireDocuments(corpus.Name, config);

        var options = config.ToVocabularyOptions();
        var trainStatistics = TermStatistics.Collect(train.Texts, options.StopWords);
        var vocabulary = VocabularyBuilder.Fit(trainStatistics, options);
        var trainRows = train.KeptRows(trainStatistics.CountMatrix(vocabulary), config, config.KeepUnlabelledTrain);
        var testRows = test.KeptRows(TermCounter.Count(test.Texts, vocabulary), config, config.KeepUnlabelledTest);
        trainRows.RequireDocuments(corpus.Name, config, vocabulary.Count);
        testRows.RequireDocuments(corpus.Name, config, vocabulary.Count);

        var (validationRows, finalTestRows) = Halve(testRows, corpus.Name, config, vocabulary.Count);
        var tfidf = TfidfTransformer.Fit(trainRows.Counts, config.ToTfidfOptions());
        DatasetSplit Split(FilteredRows rows) => rows.ToSplit(tfidf, labels.Names.Count, corpus.IsMultiLabel);
        var dataset = new HashingDataset(corpus.Name, vocabulary, labels.Names, Split(trainRows), Split(validationRows), Split(finalTestRows));
        if (!withReport) return (dataset, null);
        var report = new PreprocessingReport(corpus.Name, config, [trainRows.Filtering, testRows.Filtering],
            VocabularyCut.Measure(trainStatistics, options, vocabulary.Count),
            StopWordUsage.Count(train.Texts, options.StopWords),
            new TermWeights(vocabulary, tfidf.InverseDocumentFrequencies, trainRows.Counts.ColumnRowCounts()));
        return (dataset, report);
    }

    private static (FilteredRows Validation, FilteredRows Test) Halve(FilteredRows testRows, string corpus, PreprocessingConfig config, int vocabularySize)
    {
        var (validationPositions, testPositions) = ValidationSplit.Halve(testRows.Rows.Length, config.Seed);
        var validation = testRows.Subset("validation", validationPositions);
        var test = testRows.Subset("test", testPositions);
        validation.RequireDocuments(corpus, config, vocabularySize);
        test.RequireDocuments(corpus, config, vocabularySize);
        return (validation, test);
    }

    private static void CheckCorpus(RawCorpus corpus)
    {
        if (corpus.IsMultiLabel) return;
        foreach (var (split, documents) in new[] { ("train", corpus.Train), ("test", corpus.Test) })
        {
            for (int i = 0; i < documents.Count; i++)
            {
                if (documents[i].Labels.Count != 1)
                    throw new ArgumentException(
                        $"Corpus '{corpus.Name}' is single-label, but {split} document {i} (id \"{documents[i].Id}\") has {documents[i].Labels.Count} labels; " +
                        "give every document exactly one label, or mark the corpus multi-label.", nameof(corpus));
            }
        }
    }

    /// <summary>One raw split with its texts and label ids, before counting.</summary>
    private sealed record LabelledSplit(string Name, int RawCount, string[] Texts, int[][] Labels)
    {
        /// <summary>Encodes labels; in single-label data, drops documents whose one label is not kept.</summary>
        public static LabelledSplit Encode(string name, IReadOnlyList<RawDocument> documents, LabelEncoding encoding, bool isMultiLabel)
        {
            var kept = documents.Select(d => (d.Text, Labels: encoding.Encode(d)))
                .Where(d => isMultiLabel || d.Labels.Length == 1).ToArray();
            return new LabelledSplit(name, documents.Count, kept.Select(d => d.Text).ToArray(), kept.Select(d => d.Labels).ToArray());
        }

        public void RequireDocuments(string corpus, PreprocessingConfig config)
        {
            if (Texts.Length > 0) return;
            string why = RawCount == 0
                ? "the corpus reader returned no documents for it; check the corpus files"
                : $"none of its {RawCount} documents has one of the labels kept by Labels = {config.Labels}; relax Labels";
            throw new EmptySplitException(Name, $"The {Name} split of corpus '{corpus}' is empty: {why}.");
        }

        /// <summary>The documents that pass the length filter (and, if asked, have a kept label), with their counts.</summary>
        public FilteredRows KeptRows(SparseMatrix counts, PreprocessingConfig config, bool keepUnlabelled)
        {
            // A document's length is its number of kept-vocabulary tokens (the authors' doc_bow.sum()).
            var lengths = counts.RowSums().Select(l => (int)l).ToArray();
            var rows = new List<int>();
            int inLength = 0;
            for (int r = 0; r < counts.Rows; r++)
            {
                if (!config.Length.Contains(lengths[r])) continue;
                inLength++;
                if (keepUnlabelled || Labels[r].Length > 0) rows.Add(r);
            }
            var filtering = new SplitFiltering(Name, RawCount, Texts.Length, inLength, rows.Count, config.Length, lengths, rows.Select(r => lengths[r]).ToArray());
            return new FilteredRows(Name, filtering, counts, Labels, rows.ToArray());
        }
    }

    /// <summary>Rows of a counted split that survived filtering, in their order.</summary>
    private sealed class FilteredRows(string name, SplitFiltering trace, SparseMatrix allCounts, int[][] allLabels, int[] rows)
    {
        public int[] Rows { get; } = rows;

        /// <summary>What the filters did to this split (before any halving into validation and test).</summary>
        public SplitFiltering Filtering => trace;

        public FilteredRows Subset(string subsetName, int[] positions) =>
            new(subsetName, trace, allCounts, allLabels, positions.Select(p => Rows[p]).ToArray());

        private SparseMatrix? _counts;

        public SparseMatrix Counts => _counts ??= allCounts.SelectRows(Rows);

        public DatasetSplit ToSplit(TfidfTransformer tfidf, int labelCount, bool isMultiLabel)
        {
            var labels = Rows.Select(r => allLabels[r]).ToArray();
            var matrix = isMultiLabel
                ? LabelMatrix.MultiLabel(labelCount, labels)
                : LabelMatrix.SingleLabel(labelCount, labels.Select(l => l[0]).ToArray());
            return new DatasetSplit(tfidf.Transform(Counts), matrix);
        }

        public void RequireDocuments(string corpus, PreprocessingConfig config, int vocabularySize)
        {
            if (Rows.Length > 0) return;
            string halving = trace.Kept > 0
                ? $" Halving the {trace.Kept} filtered test document(s) into validation and test left {name} with none."
                : "";
            throw new EmptySplitException(name,
                $"The {name} split of corpus '{corpus}' is empty after filtering: {trace.RawDocuments} raw documents -> {trace.AfterLabelSelection} after " +
                $"label selection ({config.Labels}) -> {trace.WithinLength} with a length in {config.Length} over the {vocabularySize}-term vocabulary " +
                $"-> {trace.Kept} after dropping documents without a kept label.{halving} To keep more documents relax Length (now {config.Length}), " +
                $"enlarge the vocabulary so documents keep more tokens (MaxFeatures = {config.MaxFeatures?.ToString() ?? "all"}, " +
                $"MinDocumentFrequency = {config.MinDocumentFrequency}, MaxDocumentFrequency = {config.MaxDocumentFrequency}, " +
                $"RemoveStopWords = {config.RemoveStopWords}), or keep unlabelled documents (KeepUnlabelledTrain = {config.KeepUnlabelledTrain}, " +
                $"KeepUnlabelledTest = {config.KeepUnlabelledTest}).");
        }
    }
}
