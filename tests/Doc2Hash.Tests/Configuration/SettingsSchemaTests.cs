using Doc2Hash.Configuration;
using Doc2Hash.Experiments.Methods;
using Doc2Hash.Hashing.Neural;
using Doc2Hash.Hashing.Relaxations;
using Doc2Hash.Training;

namespace Doc2Hash.Tests.Configuration;

public class SettingsSchemaTests
{
    private static readonly NeuralSettings<Doc2HashConfig> Doc2Hash = new Doc2HashMethod().Preset(32);

    [Fact]
    public void Options_are_kebab_cased_property_names_with_attribute_overrides_and_record_prefixes()
    {
        var names = SettingsSchema.Of(Doc2Hash).Settings.Select(s => s.Name).ToArray();
        Assert.Equal(["bits", "hidden-size", "dropout", "init", "bias-fill", "input", "kl-weight", "kl-form", "kl-anneal-steps", "free-bits", "tau-initial", "tau-rate", "tau-min", "tau-every",
            "estimator", "prior", "epochs", "batch-size", "lr", "optimizer", "seed", "select-on", "k"], names);
        Assert.Equal("Model.Temperature.Rate", SettingsSchema.Of(Doc2Hash).Get("tau-rate", "doc2hash").Path);
    }

    [Fact]
    public void A_null_nested_record_contributes_no_options()
    {
        Assert.Null(SettingsSchema.Of(Doc2Hash).Find("label-weight-step"));
        Assert.NotNull(SettingsSchema.Of(new Doc2HashSupervisedMethod().Preset(32)).Find("label-weight-step"));
    }

    [Fact]
    public void Setting_a_nested_value_copies_the_records_on_its_path_and_leaves_the_original_alone()
    {
        var schema = SettingsSchema.Of(Doc2Hash);
        var changed = schema.Get("tau-rate", "doc2hash").WithText(Doc2Hash, "0.5");
        Assert.Equal(0.5, changed.Model.Temperature.Rate);
        Assert.Equal(0.96, Doc2Hash.Model.Temperature.Rate);
        Assert.Equal(Doc2Hash with { Model = Doc2Hash.Model with { Temperature = Doc2Hash.Model.Temperature with { Rate = 0.5 } } }, changed);
    }

    [Fact]
    public void Enum_spellings_come_from_the_enum_and_bad_values_name_the_option_and_the_choices()
    {
        Assert.Equal(["per-bit", "authors"], OptionValues.Spellings(typeof(KlForm)));
        Assert.Equal(["adam", "lazy-adam"], OptionValues.Spellings(typeof(OptimizerKind)));
        Assert.Equal(KlForm.AuthorsFlatSoftmax, OptionValues.Parse<KlForm>("authors"));
        var schema = SettingsSchema.Of(Doc2Hash);
        var error = Assert.Throws<ArgumentException>(() => schema.Get("kl-form", "doc2hash").WithText(Doc2Hash, "flat"));
        Assert.Contains("--kl-form", error.Message);
        Assert.Contains("per-bit, authors", error.Message);
        var number = Assert.Throws<ArgumentException>(() => schema.Get("lr", "doc2hash").WithText(Doc2Hash, "fast"));
        Assert.Contains("--lr: 'fast' is not a valid number", number.Message);
        var unknown = Assert.Throws<ArgumentException>(() => schema.Get("noise-std", "method 'doc2hash'"));
        Assert.Contains("--noise-std does not apply to method 'doc2hash'", unknown.Message);
    }

    [Fact]
    public void Numbers_are_written_and_read_in_the_invariant_culture_at_full_precision()
    {
        Assert.Equal("0.0005", OptionValues.Format(5e-4));
        Assert.Equal(1.0 / 3, OptionValues.Parse(OptionValues.Format(1.0 / 3), typeof(double)));
        Assert.Equal("learning-rate", OptionValues.Kebab("LearningRate"));
        Assert.Equal("k", OptionValues.Kebab("K"));
    }
}
