namespace Doc2Hash.Experiments;

/// <summary>
/// Why a run failed, as stored in its folder's failed.json (<see cref="RunFolder.MarkFailed"/>): the error's type and
/// message and when it happened. A failed run is not a result: <see cref="RunRecord.Scan"/> leaves it out of tables.
/// </summary>
public sealed record RunFailure(string Error, string Message, DateTime FailedUtc);
