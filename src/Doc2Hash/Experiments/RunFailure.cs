using System.Text.Json;
using Doc2Hash.IO;

namespace Doc2Hash.Experiments;

/// <summary>
/// Marks a run that stopped with an error (failed.json: time and message) so that tables leave it out and the
/// study grid trains the cell again instead of resuming it. A summary with a non-finite precision also counts as
/// failed: such a number is never a result.
/// </summary>
public static class RunFailure
{
    public const string MarkerFile = "failed.json";

    public static void Mark(string folder, Exception error)
    {
        ArgumentNullException.ThrowIfNull(error);
        AtomicFile.WriteAllText(Path.Combine(folder, MarkerFile),
            JsonSerializer.Serialize(new { failedUtc = DateTime.UtcNow, error = error.GetType().Name, message = error.Message }, RunFolder.Json));
    }

    public static bool IsFailed(RunRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        return File.Exists(Path.Combine(record.Folder.Path, MarkerFile))
            || record.Summary is { } s && (!double.IsFinite(s.TestPrecision) || !double.IsFinite(s.ValidationPrecision));
    }
}
