using System.Buffers.Binary;

namespace Doc2Hash.Tests.Fuzzing;

/// <summary>
/// Seeded byte-level mutations in the style of AFL's havoc stage: a few stacked edits (bit flips, interesting bytes and
/// 32-bit integers, deletions, duplications, insertions of format tokens, truncation, splicing with another input, and
/// numbers replaced by huge or negative ones). The same seed gives the same sequence of inputs.
/// </summary>
internal sealed class Mutator(Random random, IReadOnlyList<byte[]> tokens)
{
    private static readonly byte[] InterestingBytes = [0, 1, 0x7F, 0x80, 0xFF, (byte)'<', (byte)'>', (byte)'"', (byte)'\n', (byte)',', (byte)'{', (byte)'}', (byte)'\\', (byte)'~', (byte)'|'];
    private static readonly int[] InterestingInts = [0, -1, 1, int.MaxValue, int.MinValue, int.MaxValue - 1, 0x10000, 1 << 30, 0x7FFFFFF8, 255, 256];
    private static readonly string[] InterestingNumbers = ["99999999999", "-1", "0", "2147483647", "2147483648", "4294967296", "18446744073709551616", "1e309", "NaN"];

    public byte[] Mutate(byte[] input, IReadOnlyList<byte[]> corpus, int maxLength)
    {
        var data = new List<byte>(input);
        int edits = 1 + random.Next(4);
        for (int i = 0; i < edits; i++) Edit(data, corpus);
        if (data.Count > maxLength) data.RemoveRange(maxLength, data.Count - maxLength);
        return data.ToArray();
    }

    /// <summary>Random bytes, half the time printable ASCII (text readers reject most raw bytes at the first line).</summary>
    public byte[] Random(int maxLength)
    {
        var data = new byte[random.Next(Math.Min(maxLength, 4096) + 1)];
        if (random.Next(2) == 0) random.NextBytes(data);
        else for (int i = 0; i < data.Length; i++) data[i] = (byte)random.Next(9, 127);
        return data;
    }

    private void Edit(List<byte> data, IReadOnlyList<byte[]> corpus)
    {
        int position = data.Count == 0 ? 0 : random.Next(data.Count);
        switch (random.Next(12))
        {
            case 0 when data.Count > 0:
                data[position] ^= (byte)(1 << random.Next(8));
                break;
            case 1 when data.Count > 0:
                data[position] = InterestingBytes[random.Next(InterestingBytes.Length)];
                break;
            case 2 when data.Count > 0:
                data[position] = (byte)random.Next(256);
                break;
            case 3 when data.Count > 0:
                data.RemoveRange(position, Math.Min(data.Count - position, 1 + random.Next(32)));
                break;
            case 4 when data.Count > 0:
                int length = Math.Min(data.Count - position, 1 + random.Next(64));
                data.InsertRange(random.Next(data.Count + 1), data.GetRange(position, length));
                break;
            case 5:
                data.InsertRange(position, Enumerable.Range(0, 1 + random.Next(16)).Select(_ => (byte)random.Next(256)));
                break;
            case 6 when tokens.Count > 0:
                data.InsertRange(position, tokens[random.Next(tokens.Count)]);
                break;
            case 7 when tokens.Count > 0:
                var token = tokens[random.Next(tokens.Count)];
                for (int k = 0; k < token.Length && position + k < data.Count; k++) data[position + k] = token[k];
                break;
            case 8 when data.Count >= 4:
                Span<byte> word = stackalloc byte[4];
                BinaryPrimitives.WriteInt32LittleEndian(word, InterestingInts[random.Next(InterestingInts.Length)]);
                int at = random.Next(data.Count - 3);
                for (int k = 0; k < 4; k++) data[at + k] = word[k];
                break;
            case 9 when data.Count > 0:
                data.RemoveRange(position, data.Count - position);
                break;
            case 10 when corpus.Count > 0:
                var other = corpus[random.Next(corpus.Count)];
                int from = other.Length == 0 ? 0 : random.Next(other.Length);
                data.RemoveRange(position, data.Count - position);
                data.AddRange(other.AsSpan(from).ToArray());
                break;
            case 11:
                ReplaceNumber(data, position);
                break;
        }
    }

    /// <summary>Replaces the run of ASCII digits at or after <paramref name="start"/> by a huge, negative or odd number.</summary>
    private void ReplaceNumber(List<byte> data, int start)
    {
        int first = data.FindIndex(start, b => b is >= (byte)'0' and <= (byte)'9');
        if (first < 0) return;
        int end = first;
        while (end < data.Count && data[end] is >= (byte)'0' and <= (byte)'9') end++;
        data.RemoveRange(first, end - first);
        data.InsertRange(first, System.Text.Encoding.ASCII.GetBytes(InterestingNumbers[random.Next(InterestingNumbers.Length)]));
    }
}
