using Doc2Hash.Hashing.Neural;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using Doc2Hash.IO;

namespace Doc2Hash.Training;

/// <summary>
/// A checkpoint file: a header, the <see cref="TrainingState"/> as JSON, the model's parameters and buffers
/// (TorchSharp's module format), optionally the optimiser's state (its step counts and moment estimates;
/// <see cref="ITrainingOptimizer.Save"/>), and a 32-byte SHA-256 of everything before it. Written atomically
/// (<see cref="AtomicFile"/>: a crash or a full disk never leaves a half-written or leftover file), and verified on
/// every read: a checkpoint whose bytes changed after it was written (overwritten, truncated, bit rot) is refused with
/// a <see cref="DataFormatException"/> instead of being evaluated into a meaningless number, as the processed dataset
/// cache does (<see cref="Doc2Hash.Data.Cache.ProcessedDatasetCache"/>). Version 1 files (before the hash) are still
/// read, unverified.
/// </summary>
public static class Checkpoint
{
    private const string Magic = "DOC2HASH-CHECKPOINT";
    private const int FormatVersion = 2;
    private const int UnverifiedVersion = 1;
    private const int TrailerBytes = SHA256.HashSizeInBytes;

    // The best score starts at -infinity, which plain JSON cannot spell.
    private static readonly JsonSerializerOptions Json = new() { NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals };

    public static void Save(string path, ITrainableHasher model, TrainingState state, ITrainingOptimizer? optimizer = null) =>
        AtomicFile.Write(path, stream =>
        {
            using var hashing = new HashingWriteStream(stream);
            using (var writer = new BinaryWriter(hashing, System.Text.Encoding.UTF8, leaveOpen: true))
            {
                writer.Write(Magic);
                writer.Write(FormatVersion);
                writer.Write(JsonSerializer.Serialize(state, Json));
                model.SaveState(writer);
                writer.Write(optimizer is not null);
                optimizer?.Save(writer);
            }
            stream.Write(hashing.CurrentHash());
        }, overwrite: true);

    /// <summary>Reads only the trainer state of a checkpoint (no tensors are touched); the file is verified first.</summary>
    public static TrainingState ReadState(string path)
    {
        using var reader = OpenVerified(path);
        return ReadHeader(reader, path);
    }

    /// <summary>Loads the model's tensors (and the optimizer's when given and present) and returns the trainer state.</summary>
    public static TrainingState Load(string path, ITrainableHasher model, ITrainingOptimizer? optimizer = null)
    {
        using var reader = OpenVerified(path);
        try
        {
            var state = ReadHeader(reader, path);
            model.LoadState(reader);
            if (reader.ReadBoolean() && optimizer is not null) optimizer.Load(reader);
            return state;
        }
        catch (EndOfStreamException e)
        {
            throw Truncated(path, e);
        }
        catch (ArgumentException e)
        {
            throw new DataFormatException($"Checkpoint '{path}' does not match this model's configuration: {e.Message}", e);
        }
    }

    /// <summary>
    /// Opens a checkpoint for reading after checking its SHA-256 trailer (version 2); the reader stops before the
    /// trailer. Version 1 files have no trailer and are opened as they are.
    /// </summary>
    private static BinaryReader OpenVerified(string path)
    {
        if (!File.Exists(path))
            throw new FileNotFoundException($"Checkpoint '{path}' does not exist; train first or check the run folder.", path);
        var file = File.OpenRead(path);
        try
        {
            int version = PeekVersion(file, path);
            if (version != UnverifiedVersion)
                Verify(file, path);
            file.Position = 0;
            return new BinaryReader(version == UnverifiedVersion ? file : new ReadOnlySlice(file, file.Length - TrailerBytes, leaveOpen: false));
        }
        catch
        {
            file.Dispose();
            throw;
        }
    }

    private static int PeekVersion(FileStream file, string path)
    {
        using var reader = new BinaryReader(file, System.Text.Encoding.UTF8, leaveOpen: true);
        try
        {
            if (reader.ReadString() != Magic)
                throw new DataFormatException($"'{path}' is not a Doc2Hash checkpoint (wrong header at byte 0). Pass a best.bin or last.bin from a run folder's checkpoints/.");
            return reader.ReadInt32();
        }
        catch (Exception e) when (e is IOException or FormatException or DecoderFallbackException)
        {
            throw new DataFormatException($"'{path}' is not a Doc2Hash checkpoint (unreadable header at byte 0: {e.Message}).", e);
        }
    }

    private static void Verify(FileStream file, string path)
    {
        if (file.Length < TrailerBytes)
            throw Truncated(path, null);
        file.Position = 0;
        using var content = new ReadOnlySlice(file, file.Length - TrailerBytes, leaveOpen: true);
        byte[] actual = SHA256.HashData(content);
        Span<byte> stored = stackalloc byte[TrailerBytes];
        file.Position = file.Length - TrailerBytes;
        file.ReadExactly(stored);
        if (!stored.SequenceEqual(actual))
            throw new DataFormatException(
                $"Checkpoint '{path}' is damaged: the SHA-256 of its {file.Length - TrailerBytes} content bytes does not match the hash stored " +
                "when it was written (the file was overwritten, cut off or corrupted on disk). It is not used, because evaluating it would give " +
                "meaningless numbers. Restore it from a backup, or delete the run folder and train again " +
                $"({(Path.GetFileName(path) == Trainer.LastCheckpointName ? "an interrupted run cannot resume from it" : "the other checkpoint of the run cannot replace it")}).");
    }

    private static TrainingState ReadHeader(BinaryReader reader, string path)
    {
        try
        {
            if (reader.ReadString() != Magic)
                throw new DataFormatException($"'{path}' is not a Doc2Hash checkpoint (wrong header).");
            int version = reader.ReadInt32();
            if (version is not (FormatVersion or UnverifiedVersion))
                throw new DataFormatException($"Checkpoint '{path}' has format version {version}; this kit reads versions {UnverifiedVersion} and {FormatVersion}.");
            return JsonSerializer.Deserialize<TrainingState>(reader.ReadString(), Json)
                ?? throw new DataFormatException($"Checkpoint '{path}' has an empty training state.");
        }
        catch (EndOfStreamException e)
        {
            throw Truncated(path, e);
        }
        catch (Exception e) when (e is IOException or FormatException)
        {
            throw new DataFormatException($"Checkpoint '{path}' has an unreadable header ({e.Message}).", e);
        }
        catch (JsonException e)
        {
            throw new DataFormatException($"Checkpoint '{path}' holds an unreadable training state ({e.Message}).", e);
        }
    }

    private static DataFormatException Truncated(string path, Exception? inner) =>
        new($"Checkpoint '{path}' is truncated; delete it and retrain or resume from another checkpoint.", inner);

    /// <summary>The first <c>length</c> bytes of a seekable stream, read-only (the content without its hash trailer).</summary>
    private sealed class ReadOnlySlice(Stream inner, long length, bool leaveOpen) : Stream
    {
        public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

        public override int Read(Span<byte> buffer)
        {
            long left = length - inner.Position;
            if (left <= 0) return 0;
            return inner.Read(buffer[..(int)Math.Min(buffer.Length, left)]);
        }

        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => length;
        public override long Position { get => inner.Position; set => throw new NotSupportedException(); }
        public override void Flush() { }
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        protected override void Dispose(bool disposing)
        {
            if (disposing && !leaveOpen) inner.Dispose();
            base.Dispose(disposing);
        }
    }
}
