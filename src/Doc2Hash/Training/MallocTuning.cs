using System.Runtime.InteropServices;

namespace Doc2Hash.Training;

/// <summary>What <see cref="MallocTuning.Apply"/> did, with the reason in words for logs and `doc2hash info`.</summary>
public sealed record MallocTuningStatus(bool Applied, string Description);

/// <summary>
/// Keeps libtorch's large CPU tensors on glibc's heap instead of fresh mmaps. libtorch allocates CPU tensors with
/// posix_memalign, that is glibc malloc. glibc serves a block above its mmap threshold with a fresh mmap and returns it
/// with munmap on free; the threshold adapts to freed blocks but never above 32 MB on 64-bit systems, and mallopt
/// cannot raise it further. VDSH's 10,000 x 1000 input layer makes its dense gradient and Adam's buffers 40 MB, so
/// every training step mapped, page-faulted, kernel-zeroed and unmapped them: 72% of a VDSH step was backward, and
/// the process spent 10 s of system time beside 22 s of user time. With M_MMAP_MAX = 0 (no mmapped blocks) and a
/// trim threshold that keeps freed memory at the top of the heap, the same step reuses the same pages (measured in
/// environment.md, "Where a training step's time goes"). Only where blocks come from changes, never their contents:
/// libtorch fills every tensor it allocates, and results are bitwise equal (checked there).
/// </summary>
/// <remarks>
/// Process-wide and applied once (the trainer calls it before training). Skipped, with the reason in the status, when
/// <see cref="OptOutVariable"/> is "off", when the user set glibc's malloc tunables themselves (their choice wins), or
/// where there is no glibc (Windows, macOS, musl).
/// </remarks>
public static class MallocTuning
{
    /// <summary>Set to "off" (or "0", "false") to keep glibc's default malloc behaviour.</summary>
    public const string OptOutVariable = "DOC2HASH_MALLOC_TUNING";

    /// <summary>
    /// Free memory at the top of the heap that glibc keeps instead of returning it to the OS: room for several
    /// parameter-sized blocks of the largest preset (40 MB each), and a bound on what an idle process holds.
    /// </summary>
    public const int TrimThresholdBytes = 512 * 1024 * 1024;

    // mallopt parameter numbers from glibc's malloc.h.
    private const int MTrimThreshold = -1;
    private const int MMmapMax = -4;

    private static readonly Lazy<MallocTuningStatus> Once = new(() => Tune(Environment.GetEnvironmentVariable));

    /// <summary>Applies the tuning on the first call; later calls return the first call's status.</summary>
    public static MallocTuningStatus Apply() => Once.Value;

    /// <summary>
    /// Why the tuning must not be applied in an environment (read through <paramref name="variable"/>), or null when it
    /// may. Separate from <see cref="Apply"/> so the rules are testable without touching the process's allocator.
    /// </summary>
    public static string? ReasonToSkip(Func<string, string?> variable)
    {
        string? optOut = variable(OptOutVariable)?.Trim();
        if (optOut is not null && (optOut.Equals("off", StringComparison.OrdinalIgnoreCase) || optOut == "0" || optOut.Equals("false", StringComparison.OrdinalIgnoreCase)))
            return $"off ({OptOutVariable}={optOut})";
        if (variable("GLIBC_TUNABLES")?.Contains("glibc.malloc.", StringComparison.Ordinal) == true
            || variable("MALLOC_MMAP_MAX_") is not null || variable("MALLOC_TRIM_THRESHOLD_") is not null
            || variable("MALLOC_MMAP_THRESHOLD_") is not null)
            return "left to the environment's glibc malloc settings";
        if (!OperatingSystem.IsLinux()) return "not applicable (not Linux)";
        return null;
    }

    /// <summary>
    /// Bytes glibc currently holds in mmapped blocks (mallinfo2's hblkhd, glibc 2.33+), or null without glibc. The
    /// tuning's observable effect: a large tensor allocated after <see cref="Apply"/> does not add to it.
    /// </summary>
    public static unsafe long? MappedBytes()
    {
        if (!TryGlibc("mallinfo2", out var address)) return null;
        return (long)((delegate* unmanaged<MallInfo2>)address)().MappedBytes;
    }

    private static unsafe MallocTuningStatus Tune(Func<string, string?> variable)
    {
        if (ReasonToSkip(variable) is { } reason) return new MallocTuningStatus(false, reason);
        if (!TryGlibc("mallopt", out var address))
            return new MallocTuningStatus(false, "not applicable (no glibc mallopt)");
        var mallopt = (delegate* unmanaged<int, int, int>)address;
        // mallopt returns 1 on success and 0 when glibc rejects the value.
        if (mallopt(MMmapMax, 0) != 1 || mallopt(MTrimThreshold, TrimThresholdBytes) != 1)
            return new MallocTuningStatus(false, "failed (glibc mallopt rejected M_MMAP_MAX=0 or M_TRIM_THRESHOLD)");
        return new MallocTuningStatus(true, $"glibc M_MMAP_MAX=0, M_TRIM_THRESHOLD={TrimThresholdBytes / (1024 * 1024)} MB (large tensors reuse heap pages; {OptOutVariable}=off to keep glibc defaults)");
    }

    /// <summary>A function of glibc (by its soname, libc.so.6; musl and other C libraries are left alone).</summary>
    private static bool TryGlibc(string function, out IntPtr address)
    {
        address = IntPtr.Zero;
        return OperatingSystem.IsLinux() && NativeLibrary.TryLoad("libc.so.6", out var libc) && NativeLibrary.TryGetExport(libc, function, out address);
    }

    /// <summary>glibc's struct mallinfo2 (malloc.h): ten size_t counters in this order.</summary>
    [StructLayout(LayoutKind.Sequential)]
    private readonly struct MallInfo2
    {
        public readonly nuint Arena, OrdinaryBlocks, FastBinBlocks, MappedBlocks, MappedBytes, MaxAllocated, FastBinBytes, Allocated, Free, Releasable;
    }
}
