using System.Runtime.InteropServices;

namespace Doc2Hash.Hashing.Classic;

/// <summary>
/// The binary layout shared by the classic methods' saved state: a format tag naming the method (e.g. "doc2hash.lsh"),
/// a format version, then the method's own fields. Arrays are written as a length followed by their little-endian
/// elements. Reading checks tag, version and every length, so a wrong or truncated file fails with a message, never
/// with a half-built model.
/// </summary>
internal static class ModelFormat
{
    public static void WriteHeader(BinaryWriter writer, string tag, int version)
    {
        writer.Write(tag);
        writer.Write(version);
    }

    public static void ReadHeader(BinaryReader reader, string tag, int version)
    {
        string found;
        try
        {
            found = reader.ReadString();
        }
        catch (Exception e) when (e is EndOfStreamException or IOException or FormatException)
        {
            throw new InvalidDataException($"Not a saved '{tag}' model: the stream does not start with a format tag.", e);
        }
        if (found != tag)
            throw new InvalidDataException($"Expected a saved '{tag}' model but the stream holds '{Shorten(found)}'. Load it with the method that saved it.");
        int foundVersion = reader.ReadInt32();
        if (foundVersion != version)
            throw new InvalidDataException($"'{tag}' format version {foundVersion} is not supported; this build reads version {version}. Re-fit the model with this build.");
    }

    public static void Write(BinaryWriter writer, ReadOnlySpan<double> values)
    {
        writer.Write(values.Length);
        writer.Write(MemoryMarshal.AsBytes(values));
    }

    public static void Write(BinaryWriter writer, ReadOnlySpan<float> values)
    {
        writer.Write(values.Length);
        writer.Write(MemoryMarshal.AsBytes(values));
    }

    public static void Write(BinaryWriter writer, ReadOnlySpan<int> values)
    {
        writer.Write(values.Length);
        writer.Write(MemoryMarshal.AsBytes(values));
    }

    public static double[] ReadDoubles(BinaryReader reader, long expectedLength, string what) => Read<double>(reader, expectedLength, what);

    public static float[] ReadFloats(BinaryReader reader, long expectedLength, string what) => Read<float>(reader, expectedLength, what);

    public static int[] ReadInts(BinaryReader reader, long expectedLength, string what) => Read<int>(reader, expectedLength, what);

    /// <summary>Reads a positive count written with <see cref="BinaryWriter.Write(int)"/>, naming the field on failure.</summary>
    public static int ReadPositive(BinaryReader reader, string what)
    {
        int value = reader.ReadInt32();
        if (value < 1) throw new InvalidDataException($"Saved model field '{what}' is {value}; it must be positive (corrupt file?).");
        return value;
    }

    private static T[] Read<T>(BinaryReader reader, long expectedLength, string what) where T : unmanaged
    {
        int length = reader.ReadInt32();
        if (length != expectedLength)
            throw new InvalidDataException($"Saved model field '{what}' has {length} values; {expectedLength} were expected (corrupt or mismatched file).");
        var values = new T[length];
        var bytes = MemoryMarshal.AsBytes(values.AsSpan());
        if (reader.Read(bytes) != bytes.Length)
            throw new InvalidDataException($"Saved model field '{what}' is truncated.");
        return values;
    }

    private static string Shorten(string text) => text.Length <= 40 ? text : text[..40] + "...";
}
