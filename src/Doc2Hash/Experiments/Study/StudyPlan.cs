using System.Globalization;

namespace Doc2Hash.Experiments.Study;

/// <summary>
/// A study ready to run: the profile, how many grid cells it has, and one <see cref="StudyStep"/> per distinct run
/// (skip, resume or train, with its expected time). `doc2hash reproduce` and the notebooks both start here, so a run
/// finished by either (in the runs folder or the committed records) is never trained again by the other.
/// </summary>
public sealed record StudyPlan(StudyProfile Profile, int CellCount, IReadOnlyList<StudyStep> Steps)
{
    /// <summary>
    /// Expands <paramref name="profile"/> (<see cref="StudyGrid.Cells"/>, which validates names and sizes before any
    /// data is loaded), resolves every cell with <see cref="StudyCatalog.Resolver"/> and the executor's data
    /// fingerprints, and decides each run's action from what <paramref name="directories"/> already hold.
    /// </summary>
    public static StudyPlan Create(StudyProfile profile, IRunExecutor executor, StudyDirectories directories)
    {
        ArgumentNullException.ThrowIfNull(executor);
        var cells = StudyGrid.Cells(profile);
        var runs = StudyGrid.Plan(cells, StudyCatalog.Resolver(profile), executor.Fingerprint);
        return new StudyPlan(profile, cells.Count, StudyStep.Inspect(runs, directories));
    }

    public int ToTrain => Steps.Count(s => s.Action == RunAction.Train);

    public int ToResume => Steps.Count(s => s.Action == RunAction.Resume);

    public int AlreadyDone => Steps.Count(s => s.Action == RunAction.Skip);

    /// <summary>Sum of the steps' estimates (<see cref="TimeEstimate"/>): the wall time of the work left.</summary>
    public TimeSpan Expected => TimeSpan.FromSeconds(Steps.Sum(s => s.Estimate.TotalSeconds));

    /// <summary>Trains, resumes or skips every step (<see cref="StudyRunner.Run"/>).</summary>
    public StudyOutcome Run(IRunExecutor executor, StudyDirectories directories, Action<StudyEvent>? observe = null) =>
        StudyRunner.Run(Steps, executor, directories, observe);

    /// <summary>
    /// The finished records of this plan's runs among <paramref name="runs"/> (matched by <see cref="RunKey"/>, data
    /// fingerprint included), so a table built from them shows exactly the grid that was asked for, whatever else
    /// the runs folder and the committed records hold.
    /// </summary>
    public IReadOnlyList<RunRecord> Results(RunCollection runs)
    {
        ArgumentNullException.ThrowIfNull(runs);
        var keys = Steps.Select(s => s.Run.Key).ToHashSet(StringComparer.Ordinal);
        return [.. runs.Runs.Where(r => keys.Contains(RunKey.Of(r.Config)))];
    }

    /// <summary>Three lines: what the profile spans, what is left to do, and the expected wall time.</summary>
    public string Describe()
    {
        var p = Profile;
        string epochs = p.Epochs?.ToString(CultureInfo.InvariantCulture) ?? "preset";
        string ablations = p.Ablations.Count == 0 ? "" : $" + ablations {string.Join(", ", p.Ablations)} at {p.AblationBits} bits";
        return $"Profile '{p.Name}': {string.Join(", ", p.Datasets)} x {string.Join(", ", p.Methods)} x {string.Join("/", p.Bits)} bits x seeds {string.Join(",", p.Seeds)}{ablations}, {epochs} epochs.\n"
            + $"{CellCount} grid cells -> {Steps.Count} distinct runs: {AlreadyDone} already done, {ToResume} to resume, {ToTrain} to train.\n"
            + $"Expected wall time: about {StudyLog.Time(Expected)} (seconds per epoch from earlier runs where known, else {TimeEstimate.DefaultSecondsPerEpoch.ToString(CultureInfo.InvariantCulture)} s).";
    }
}
