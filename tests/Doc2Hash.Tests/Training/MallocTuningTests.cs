using Doc2Hash.Tests.TestSupport;
using Doc2Hash.Training;

namespace Doc2Hash.Tests.Training;

public class MallocTuningTests
{
    private const long FortyMegabytes = 10_000L * 1000 * sizeof(float);

    private static Func<string, string?> Environment(params (string Name, string Value)[] variables) =>
        name => variables.FirstOrDefault(v => v.Name == name).Value;

    [Theory]
    [InlineData("off")]
    [InlineData("OFF")]
    [InlineData("0")]
    [InlineData("false")]
    public void The_opt_out_variable_skips_the_tuning(string value) =>
        Assert.StartsWith("off", MallocTuning.ReasonToSkip(Environment((MallocTuning.OptOutVariable, value))));

    [Theory]
    [InlineData("GLIBC_TUNABLES", "glibc.malloc.mmap_max=0")]
    [InlineData("GLIBC_TUNABLES", "glibc.cpu.hwcaps=-AVX2:glibc.malloc.trim_threshold=1")]
    [InlineData("MALLOC_MMAP_MAX_", "0")]
    [InlineData("MALLOC_TRIM_THRESHOLD_", "1000")]
    [InlineData("MALLOC_MMAP_THRESHOLD_", "1000")]
    public void Malloc_settings_of_the_user_win(string name, string value) =>
        Assert.Equal("left to the environment's glibc malloc settings", MallocTuning.ReasonToSkip(Environment((name, value))));

    [Fact]
    public void On_linux_other_tunables_and_other_opt_out_values_do_not_skip()
    {
        if (!OperatingSystem.IsLinux()) return;   // elsewhere ReasonToSkip always says "not Linux"
        Assert.Null(MallocTuning.ReasonToSkip(Environment(("GLIBC_TUNABLES", "glibc.cpu.hwcaps=-AVX2"), (MallocTuning.OptOutVariable, "on"))));
        Assert.Null(MallocTuning.ReasonToSkip(Environment()));
    }

    [Fact]
    public void Without_the_tuning_a_40_MB_tensor_is_a_fresh_mmap_and_with_it_comes_from_the_heap()
    {
        if (!OperatingSystem.IsLinux()) return;   // glibc's allocator only
        Assert.NotNull(MallocTuning.MappedBytes());   // Linux without glibc (musl) is not a platform the kit supports
        var (defaultApplied, defaultGrowth) = RunLargeTensor("off");
        var (tunedApplied, tunedGrowth) = RunLargeTensor(null);
        Assert.False(defaultApplied);
        Assert.True(defaultGrowth >= FortyMegabytes, $"glibc default: mmapped bytes grew by {defaultGrowth}");   // the control: the probe sees the mmap
        Assert.True(tunedApplied);
        Assert.Equal(0, tunedGrowth);
    }

    private static (bool Applied, long Growth) RunLargeTensor(string? optOut)
    {
        var start = new System.Diagnostics.ProcessStartInfo(ChildProcess.Dotnet) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (string argument in new[] { "exec", ChildProcess.TestAssembly, ChildScenarios.LargeTensor }) start.ArgumentList.Add(argument);
        foreach (string name in new[] { "GLIBC_TUNABLES", "MALLOC_MMAP_MAX_", "MALLOC_TRIM_THRESHOLD_", "MALLOC_MMAP_THRESHOLD_" }) start.Environment.Remove(name);
        start.Environment[MallocTuning.OptOutVariable] = optOut;
        var (code, output, error) = ChildProcess.Run(System.Diagnostics.Process.Start(start)!, TimeSpan.FromMinutes(2));
        Assert.True(code == 0, $"child failed ({code}): {error}");
        var fields = output.Trim().Split(' ');
        return (bool.Parse(fields[0]), long.Parse(fields[1], System.Globalization.CultureInfo.InvariantCulture));
    }
}
