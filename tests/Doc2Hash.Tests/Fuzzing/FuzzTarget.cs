namespace Doc2Hash.Tests.Fuzzing;

/// <summary>
/// One reader under fuzzing: seed inputs (real file slices and hand-made fixtures), format tokens for the mutator,
/// and how to run the reader on an input (write it where the reader expects a file, in the given scratch folder).
/// A reader that reports rather than throws (the processed cache) returns its report, which tells outcomes apart.
/// </summary>
/// <param name="Name">Also the folder of its kept inputs under Fixtures/fuzz/.</param>
/// <param name="MaxLength">Longest input generated, in bytes.</param>
internal sealed record FuzzTarget(string Name, IReadOnlyList<byte[]> Seeds, IReadOnlyList<byte[]> Tokens, Func<byte[], string, string?> Run, int MaxLength = 1 << 16);
