using System.Buffers;
using System.Text;
using System.Text.Unicode;
using Doc2Hash.IO;

namespace Doc2Hash.Data.Readers;

/// <summary>
/// Turns the bytes of a text file into a string without guessing: UTF-8 is decoded strictly (a byte sequence that is
/// not UTF-8 is an error naming the file, the byte offset and the line, instead of a replacement character that
/// silently splits words: a Latin-1 "café" read as UTF-8 becomes "caf" + U+FFFD), a leading UTF-8 byte-order mark is
/// skipped, and other encodings are used only when asked for by name (<see cref="Parse"/>).
/// </summary>
public static class TextDecoding
{
    public const string Utf8Name = "utf-8";

    /// <summary>The names <see cref="Parse"/> accepts, for help texts.</summary>
    public const string SupportedNames = "utf-8, latin1 (iso-8859-1), windows-1252 (cp1252)";

    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>An encoding by name: utf-8 (strict), latin1 / iso-8859-1, windows-1252 / cp1252 (case and '-'/'_' ignored).</summary>
    public static Encoding Parse(string name)
    {
        string key = name.Trim().ToLowerInvariant().Replace("_", "-");
        switch (key)
        {
            case "utf-8" or "utf8":
                return StrictUtf8;
            case "latin1" or "latin-1" or "iso-8859-1" or "iso8859-1":
                return Encoding.Latin1;
            case "windows-1252" or "cp1252" or "cp-1252":
                Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
                return Encoding.GetEncoding(1252);
            default:
                throw new ArgumentException($"Unknown text encoding '{name}'. Supported: {SupportedNames}.");
        }
    }

    /// <summary>
    /// Decodes a whole file. UTF-8 (the default) is strict: the first invalid sequence throws a
    /// <see cref="DataFormatException"/> with its byte offset and line, and how to read or convert the file.
    /// </summary>
    public static string Decode(ReadOnlySpan<byte> bytes, string path, Encoding? encoding = null)
    {
        encoding ??= StrictUtf8;
        if (encoding.CodePage != Encoding.UTF8.CodePage) return encoding.GetString(bytes);
        RejectUtf16(bytes, path);
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF])) bytes = bytes[3..];
        char[] chars = ArrayPool<char>.Shared.Rent(Math.Max(bytes.Length, 1));
        try
        {
            var status = Utf8.ToUtf16(bytes, chars, out int read, out int written, replaceInvalidSequences: false);
            if (status != System.Buffers.OperationStatus.Done)
                throw NotUtf8(bytes, read, path);
            return new string(chars, 0, written);
        }
        finally
        {
            ArrayPool<char>.Shared.Return(chars);
        }
    }

    /// <summary>
    /// Decodes a user document file (<see cref="Decode"/>) after refusing binary content: a UTF-16 file is named as
    /// such, any other file holding a NUL byte (an image, a PDF) is not a text document.
    /// </summary>
    public static string DecodeDocument(ReadOnlySpan<byte> bytes, string path, Encoding? encoding = null)
    {
        RejectUtf16(bytes, path);
        RejectBinary(bytes, path);
        return Decode(bytes, path, encoding);
    }

    private static void RejectUtf16(ReadOnlySpan<byte> bytes, string path)
    {
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE]) || bytes.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF]))
            throw new DataFormatException($"'{path}' is UTF-16 text (it starts with a UTF-16 byte-order mark); the kit reads UTF-8. " +
                                          "Convert it, e.g. `iconv -f utf-16 -t utf-8`.");
    }

    private static void RejectBinary(ReadOnlySpan<byte> bytes, string path)
    {
        int nul = bytes.IndexOf((byte)0);
        if (nul >= 0)
            throw new DataFormatException($"'{path}' holds a NUL byte at byte offset {nul}: it is a binary file, not a text document. " +
                                          "Remove it from the corpus (or convert it to UTF-8 text).");
    }

    private static DataFormatException NotUtf8(ReadOnlySpan<byte> bytes, int offset, string path)
    {
        int line = 1 + bytes[..offset].Count((byte)'\n');
        System.Text.Rune.DecodeFromUtf8(bytes[offset..], out _, out int invalid);   // the length of the ill-formed sequence
        var shown = Convert.ToHexString(bytes.Slice(offset, Math.Max(1, invalid)));
        bool looksLatin1 = offset < bytes.Length && bytes[offset] >= 0x80 && (offset + 1 >= bytes.Length || bytes[offset + 1] < 0x80 || bytes[offset] < 0xC0);
        string hint = looksLatin1 ? " It looks like Latin-1 or Windows-1252 text." : "";
        return new DataFormatException(
            $"'{path}' is not valid UTF-8: {(shown.Length == 2 ? "the byte" : "the bytes")} {shown} at byte offset {offset} (line {line}) {(shown.Length == 2 ? "is" : "are")} not UTF-8.{hint} " +
            "Read it with --encoding latin1 (or windows-1252; DataOptions.UserEncoding), or convert it to UTF-8 " +
            "(e.g. `iconv -f latin1 -t utf-8 in > out`).");
    }
}
