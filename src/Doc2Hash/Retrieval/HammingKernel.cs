using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace Doc2Hash.Retrieval;

/// <summary>Instruction set of the linear scan; every choice gives identical results (tests run each one available).</summary>
public enum HammingKernel
{
    /// <summary>The widest one this processor supports.</summary>
    Auto,
    /// <summary>512-bit vectors, AVX-512BW nibble-lookup popcount: eight codes per word per step.</summary>
    Avx512,
    /// <summary>256-bit vectors, AVX2 nibble-lookup popcount (Mula, Kurz and Lemire 2018): two steps per eight codes.</summary>
    Avx2,
    /// <summary>One POPCNT per 64-bit word, no vectors: the portable fallback.</summary>
    Scalar,
}

/// <summary>Which kernels this processor can run.</summary>
public static class HammingKernels
{
    public static bool IsSupported(HammingKernel kernel) => kernel switch
    {
        HammingKernel.Avx512 => Avx512BW.IsSupported,
        HammingKernel.Avx2 => Avx2.IsSupported,
        _ => true,
    };

    /// <summary><see cref="HammingKernel.Auto"/> resolved: AVX-512 where present (and accelerated), else AVX2, else scalar.</summary>
    public static HammingKernel Resolve(HammingKernel kernel)
    {
        if (kernel != HammingKernel.Auto)
        {
            if (!IsSupported(kernel))
                throw new PlatformNotSupportedException($"This processor cannot run the {kernel} Hamming kernel; use Auto (picks {Resolve(HammingKernel.Auto)}).");
            return kernel;
        }
        if (Avx512BW.IsSupported && Vector512.IsHardwareAccelerated) return HammingKernel.Avx512;
        return Avx2.IsSupported ? HammingKernel.Avx2 : HammingKernel.Scalar;
    }

    /// <summary>Every kernel this processor supports (for tests and benchmarks).</summary>
    public static IReadOnlyList<HammingKernel> Supported =>
        [.. new[] { HammingKernel.Avx512, HammingKernel.Avx2, HammingKernel.Scalar }.Where(IsSupported)];
}
