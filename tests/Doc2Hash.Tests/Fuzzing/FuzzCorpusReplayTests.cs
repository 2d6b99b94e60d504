using Doc2Hash.Tests.Data.Formats;

namespace Doc2Hash.Tests.Fuzzing;

/// <summary>
/// Replays the kept fuzz inputs (Fixtures/fuzz/&lt;target&gt;/*.bin): inputs that once crashed a reader, and inputs that
/// reached a distinct error. Each must end in success or a typed data error, now and after every change.
/// </summary>
public class FuzzCorpusReplayTests
{
    private static string Root => Path.Combine(AppContext.BaseDirectory, "Fixtures", "fuzz");

    // Built once per target: seeds come from the mirror and the checkpoint targets save a model.
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, Lazy<FuzzTarget>> Targets = new();

    public static TheoryData<string, string> KeptInputs()
    {
        var data = new TheoryData<string, string>();
        foreach (string folder in Directory.GetDirectories(Root).Order(StringComparer.Ordinal))
            foreach (string file in Directory.GetFiles(folder, "*.bin").Order(StringComparer.Ordinal))
                data.Add(Path.GetFileName(folder), Path.GetFileName(file));
        return data;
    }

    [Theory]
    [MemberData(nameof(KeptInputs))]
    public void A_kept_input_ends_in_success_or_a_typed_data_error(string target, string file)
    {
        using var work = new TemporaryDirectory();
        var outcome = FuzzRunner.RunOne(Targets.GetOrAdd(target, name => new(() => ReaderTargets.Get(name))).Value, File.ReadAllBytes(Path.Combine(Root, target, file)), work.Path);
        Assert.False(outcome.Failed, $"{target}/{file}: {outcome.Signature}\n{outcome.Detail}");
    }
}
