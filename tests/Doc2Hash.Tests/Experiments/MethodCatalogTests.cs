using System.Text.Json;
using Doc2Hash.Configuration;
using Doc2Hash.Experiments;
using Doc2Hash.Experiments.Methods;
using Doc2Hash.Tests.TestSupport;

namespace Doc2Hash.Tests.Experiments;

public class MethodCatalogTests
{
    public static TheoryData<string> Methods() => [.. MethodCatalog.Names];

    [Fact]
    public void The_catalog_lists_every_method_once_with_paper_preset_source_and_kind()
    {
        Assert.Contains(Doc2HashMethod.MethodName, MethodCatalog.Names);
        Assert.Contains(Doc2HashSupervisedMethod.MethodName, MethodCatalog.Names);
        Assert.Equal(MethodCatalog.Names.Distinct(), MethodCatalog.Names);
        Assert.All(MethodCatalog.All, m =>
        {
            Assert.False(string.IsNullOrWhiteSpace(m.Paper));
            Assert.False(string.IsNullOrWhiteSpace(m.PresetSource));
            Assert.Equal(m.SettingsType, m.Preset(16).GetType());
        });
        Assert.True(MethodCatalog.Get(Doc2HashSupervisedMethod.MethodName).IsSupervised);
        var unknown = Assert.Throws<ArgumentException>(() => MethodCatalog.Get("nope")).Message;
        Assert.Contains("Unknown method 'nope'. Known methods: ", unknown);
        Assert.Contains("doc2hash-s", unknown);
    }

    [Theory]
    [MemberData(nameof(Methods))]
    public void Every_preset_is_valid_has_the_requested_bits_and_survives_a_config_json_round_trip(string method)
    {
        var config = MethodCatalog.Configure(method, "tiny", bits: 24) with { DataFingerprint = "sha256:00" };
        config.Settings.Validate();
        Assert.Equal(24, config.Bits);
        var json = JsonSerializer.Serialize(config, RunFolder.Json);
        Assert.Contains($"\"$type\": \"{MethodSettings.KindOf(config.Settings.GetType())}\"", json);
        Assert.Equal(config, JsonSerializer.Deserialize<RunConfig>(json, RunFolder.Json));
    }

    [Theory]
    [MemberData(nameof(Methods))]
    public void Every_setting_of_every_preset_has_an_option_with_help_and_its_text_round_trips(string method)
    {
        var preset = MethodCatalog.Get(method).Preset(32);
        var schema = SettingsSchema.Of(preset);   // throws on a setting without [Description] or a duplicate name
        Assert.NotEmpty(schema.Settings);
        var options = schema.Settings.ToDictionary(s => s.Name, s => s.Format(preset));
        Assert.Equal(preset, MethodCatalog.Configure(method, "tiny", 32, options).Settings);
    }

    [Fact]
    public void Configure_applies_options_by_name_and_rejects_options_the_method_does_not_have()
    {
        var config = MethodCatalog.Configure(Doc2HashMethod.MethodName, "ng20", 64, new Dictionary<string, string> { ["kl-form"] = "authors", ["lr"] = "0.001" });
        Assert.Equal("authors", config.Option("kl-form"));
        Assert.Equal("0.001", config.Option("lr"));
        Assert.Equal(64, config.Bits);
        Assert.Null(config.Option("label-weight-step"));
        var error = Assert.Throws<ArgumentException>(() => MethodCatalog.Configure(Doc2HashMethod.MethodName, "ng20", 32, new Dictionary<string, string> { ["label-weight-step"] = "1" }));
        Assert.Contains("--label-weight-step does not apply to method 'doc2hash'", error.Message);
        Assert.Throws<ArgumentException>(() => MethodCatalog.Configure(Doc2HashMethod.MethodName, "ng20", 32, new Dictionary<string, string> { ["dropout"] = "1.5" }));
    }

    [Fact]
    public void A_method_registered_at_run_time_joins_the_catalog_and_its_settings_round_trip()
    {
        MethodCatalog.Register(new SignProjectionMethod());
        MethodCatalog.Register(new SignProjectionMethod());   // the same method again is harmless
        Assert.Contains(SignProjectionMethod.MethodName, MethodCatalog.Names);
        Assert.False(MethodCatalog.Get(SignProjectionMethod.MethodName).IsNeural);
        var config = MethodCatalog.Configure(SignProjectionMethod.MethodName, "tiny", 12, new Dictionary<string, string> { ["seed"] = "7" });
        Assert.Equal((12, 7), (config.Bits, config.Seed));
        Assert.Equal(config, JsonSerializer.Deserialize<RunConfig>(JsonSerializer.Serialize(config, RunFolder.Json), RunFolder.Json));
    }
}
