using Doc2Hash.Retrieval;

namespace Doc2Hash.Tests.Retrieval;

/// <summary>Hand-made codes written as 0/1 strings, character b being bit b.</summary>
internal static class TestCodes
{
    public static BinaryCodes Parse(params string[] codes)
    {
        int bits = codes[0].Length;
        var rowMajor = codes.SelectMany(code => code.Select(c => c == '1' ? (byte)1 : (byte)0)).ToArray();
        return BinaryCodes.FromBits(codes.Length, bits, rowMajor);
    }
}
