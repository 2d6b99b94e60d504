using Doc2Hash.Data.Preprocessing;
using Doc2Hash.Text;

namespace Doc2Hash.Tests.Data.Preprocessing;

public class PreprocessingConfigTests
{
    [Fact]
    public void Default_carries_the_authors_settings()
    {
        var config = PreprocessingConfig.Default;
        Assert.Equal(10_000, config.MaxFeatures);
        Assert.Equal(DocumentFrequencyBound.Count(3), config.MinDocumentFrequency);
        Assert.Equal(DocumentFrequencyBound.Proportion(0.8), config.MaxDocumentFrequency);
        Assert.True(config.RemoveStopWords);
        Assert.True(config.Length.Contains(6) && config.Length.Contains(500));
        Assert.False(config.Length.Contains(5) || config.Length.Contains(501));
        Assert.Equal(TfidfOptions.Authors, config.ToTfidfOptions());
    }

    [Fact]
    public void Fingerprint_is_a_stable_text_of_every_setting()
    {
        Assert.Equal(
            "doc2hash-preprocessing=v1;max_features=10000;min_df=count:3;max_df=proportion:0.8;ties=sklearn;stop_words=sklearn-english;" +
            "length=(5,500];seed=1;labels=name:all;keep_unlabelled_train=yes;keep_unlabelled_test=no;tfidf=sublinear:yes,smooth:yes,l2:yes",
            PreprocessingConfig.Default.Fingerprint());
    }

    [Fact]
    public void Reuters_preset_differs_from_default_only_in_its_20_label_tokens()
    {
        Assert.Equal(PreprocessingConfig.Default with { Labels = new LabelSelection(20, LabelUnit.Token) }, PreprocessingConfig.AuthorsReuters);
        Assert.Contains(";labels=token:top20;", PreprocessingConfig.AuthorsReuters.Fingerprint());
    }

    [Fact]
    public void Fingerprint_changes_with_any_knob()
    {
        var fingerprints = new[]
        {
            PreprocessingConfig.Default,
            PreprocessingConfig.Default with { MaxFeatures = 5000 },
            PreprocessingConfig.Default with { MinDocumentFrequency = DocumentFrequencyBound.Proportion(0.001) },
            PreprocessingConfig.Default with { Seed = 2 },
            PreprocessingConfig.Default with { Labels = LabelSelection.TopTokens(20) },
            PreprocessingConfig.Default with { Length = DocumentLengthRange.NonEmpty },
            PreprocessingConfig.Default with { SublinearTf = false },
            PreprocessingConfig.Default with { TieBreak = MaxFeaturesTieBreak.AscendingTerm },
        }.Select(c => c.Fingerprint());
        Assert.Equal(8, fingerprints.Distinct().Count());
    }
}
