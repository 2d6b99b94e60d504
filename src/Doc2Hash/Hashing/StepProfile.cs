using System.Diagnostics;

namespace Doc2Hash.Hashing;

/// <summary>
/// Where a training step's wall time goes, phase by phase (issue 10): the trainer and the models mark their phases with
/// <see cref="Time"/>, which costs one null check when no profile is recording (the normal case), and the bench
/// (<c>doc2hash bench step</c>) starts a recording around real training. Torch runs synchronously on the CPU, so a
/// stopwatch around each phase measures it without any synchronisation. Phases must not nest (each is timed
/// exclusively); what no phase covers is reported as <see cref="Other"/>. One recording per thread.
/// </summary>
public sealed class StepProfile : IDisposable
{
    /// <summary>The name of the step time no phase covers (dictionary look-ups, events, managed glue).</summary>
    public const string Other = "other";

    // The phases the trainer and the bag-of-words models mark, in the order a step runs them.
    public const string Batching = "batching";
    public const string GcRegion = "gc region";
    public const string InputLayer = "input layer";
    public const string HiddenLayers = "hidden layers";
    public const string LatentHead = "latent head";
    public const string Noise = "noise";
    public const string Decoder = "decoder + log-softmax";
    public const string Loss = "loss";
    public const string Readout = "loss readout";
    public const string Backward = "backward";
    public const string Optimizer = "optimizer";
    public const string FreeTensors = "free tensors";

    [ThreadStatic] private static StepProfile? recording;

    private readonly Dictionary<string, long> current = [];
    private readonly List<IReadOnlyDictionary<string, double>> steps = [];
    private long stepStart;

    private StepProfile()
    {
    }

    /// <summary>Starts recording on this thread (replacing any recording); dispose to stop.</summary>
    public static StepProfile Start()
    {
        var profile = new StepProfile();
        recording = profile;
        return profile;
    }

    /// <summary>Times the enclosing <c>using</c> block as <paramref name="phase"/> when a recording runs; a no-op otherwise.</summary>
    public static PhaseTimer Time(string phase) => new(recording, phase);

    /// <summary>
    /// Marks the start of a step (the trainer calls it before the step's first phase); phases timed since the last step
    /// (evaluation encodes with the same layers) are dropped.
    /// </summary>
    public static void BeginStep()
    {
        if (recording is not { } profile) return;
        profile.current.Clear();
        profile.stepStart = Stopwatch.GetTimestamp();
    }

    /// <summary>Closes the step begun by <see cref="BeginStep"/>: its phases in milliseconds, plus <see cref="Other"/>.</summary>
    public static void EndStep()
    {
        if (recording is not { } profile) return;
        long total = Stopwatch.GetTimestamp() - profile.stepStart;
        var milliseconds = profile.current.ToDictionary(kv => kv.Key, kv => ToMilliseconds(kv.Value));
        milliseconds[Other] = ToMilliseconds(total - profile.current.Values.Sum());
        profile.steps.Add(milliseconds);
        profile.current.Clear();
    }

    /// <summary>Every completed step's phase times in milliseconds, in order.</summary>
    public IReadOnlyList<IReadOnlyDictionary<string, double>> Steps => steps;

    private void Add(string phase, long ticks) => current[phase] = current.GetValueOrDefault(phase) + ticks;

    private static double ToMilliseconds(long ticks) => ticks * 1000.0 / Stopwatch.Frequency;

    public void Dispose()
    {
        if (ReferenceEquals(recording, this)) recording = null;
    }

    /// <summary>The timer <see cref="Time"/> returns: adds its block's elapsed time to its phase on dispose.</summary>
    public readonly struct PhaseTimer : IDisposable
    {
        private readonly StepProfile? profile;
        private readonly string phase;
        private readonly long start;

        internal PhaseTimer(StepProfile? profile, string phase)
        {
            this.profile = profile;
            this.phase = phase;
            start = profile is null ? 0 : Stopwatch.GetTimestamp();
        }

        public void Dispose() => profile?.Add(phase, Stopwatch.GetTimestamp() - start);
    }
}
