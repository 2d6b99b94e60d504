using System.Runtime;

namespace Doc2Hash.Hashing;

/// <summary>
/// A span of native torch work during which no garbage collection runs. TorchSharp 0.107's <c>Scalar</c> keeps its native
/// pointer in a plain IntPtr with a finalizer. An implicit scalar (<c>t + u</c> passes alpha = 1, <c>t * 0.5</c>, and
/// TorchSharp's own optimiser code) is unreachable as soon as its handle has been read, so a collection during the native
/// call may finalize it and free the scalar while libtorch still reads it. Here that crashed two long runs ("Unknown
/// scalar type", "Expected false to be true" from c10::Scalar::toFloat). Inside this region no collection runs, so no
/// finalizer is queued; collections happen between regions, when no native call is in flight.
/// Nested or failed entries are harmless: the region then simply does not start.
/// </summary>
public readonly struct GcQuietRegion : IDisposable
{
    /// <summary>Managed bytes the region may allocate; a training step or an encoding chunk allocates far less.</summary>
    private const long AllocationBudget = 32L * 1024 * 1024;

    private readonly bool started;

    private GcQuietRegion(bool started) => this.started = started;

    public static GcQuietRegion Enter()
    {
        if (GCSettings.LatencyMode == GCLatencyMode.NoGCRegion) return new GcQuietRegion(false);
        try
        {
            return new GcQuietRegion(GC.TryStartNoGCRegion(AllocationBudget));
        }
        catch (Exception e) when (e is ArgumentOutOfRangeException or InvalidOperationException)
        {
            return new GcQuietRegion(false);
        }
    }

    public void Dispose()
    {
        if (started && GCSettings.LatencyMode == GCLatencyMode.NoGCRegion) GC.EndNoGCRegion();
    }
}
