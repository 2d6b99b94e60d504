using System.Security.Cryptography;
using Doc2Hash.Hashing.Neural;
using Doc2Hash.IO;
using Doc2Hash.Tests.Data.Formats;
using Doc2Hash.Tests.TestSupport;
using Doc2Hash.Training;

namespace Doc2Hash.Tests.Training;

/// <summary>Checkpoints carry a SHA-256 of their content and are verified on every read.</summary>
public class CheckpointTests
{
    private static readonly Doc2HashConfig Small = new() { Bits = 8, HiddenSize = 32 };
    private static readonly TrainingState State = new(3, 120, 2, 0.625, []);

    private static string SaveSmall(TemporaryDirectory folder, string name = Trainer.BestCheckpointName)
    {
        using var model = new Doc2HashModel(Small, 200, seed: 1);
        string path = folder.File(name);
        Checkpoint.Save(path, model, State);
        return path;
    }

    private static DataFormatException LoadFails(string path)
    {
        using var model = new Doc2HashModel(Small, 200, seed: 2);
        return Assert.Throws<DataFormatException>(() => Checkpoint.Load(path, model));
    }

    [Fact]
    public void The_last_32_bytes_are_the_sha256_of_everything_before_them_and_the_file_loads_back()
    {
        using var folder = new TemporaryDirectory();
        string path = SaveSmall(folder);
        var bytes = File.ReadAllBytes(path);
        Assert.Equal(SHA256.HashData(bytes.AsSpan(0, bytes.Length - 32)), bytes[^32..]);

        using var original = new Doc2HashModel(Small, 200, seed: 1);
        using var reloaded = new Doc2HashModel(Small, 200, seed: 2);
        Assert.Equal(State, Checkpoint.Load(path, reloaded) with { History = State.History });
        var features = Pad(TinyCorpus.ThreeByFive());
        Assert.Equal(original.Encode(features).Words, reloaded.Encode(features).Words);
        Assert.Equal([Trainer.BestCheckpointName], folder.FileNames());
    }

    [Fact]
    [BadInput("checkpoint", "best.bin with a block of its tensor bytes overwritten (the issue's 400 KB overwrite, scaled to the file)", "DataFormatException: Checkpoint '.../best.bin' is damaged: the SHA-256 ... does not match ... Restore it from a backup, or delete the run folder and train again")]
    public void An_overwritten_block_is_refused_with_the_file_and_what_to_do()
    {
        using var folder = new TemporaryDirectory();
        string path = SaveSmall(folder);
        using (var file = File.OpenWrite(path))
        {
            file.Position = file.Length / 3;
            file.Write(new byte[file.Length / 3]);
        }
        var error = LoadFails(path);
        Assert.Contains($"Checkpoint '{path}' is damaged", error.Message);
        Assert.Contains("SHA-256", error.Message);
        Assert.Contains("delete the run folder and train again", error.Message);
    }

    [Fact]
    [BadInput("checkpoint", "one flipped bit in the last tensor byte of best.bin", "DataFormatException: Checkpoint '...' is damaged (SHA-256 mismatch)")]
    public void A_single_flipped_bit_is_caught()
    {
        using var folder = new TemporaryDirectory();
        string path = SaveSmall(folder);
        var bytes = File.ReadAllBytes(path);
        bytes[^33] ^= 0x01;
        File.WriteAllBytes(path, bytes);
        Assert.Contains("is damaged", LoadFails(path).Message);
    }

    [Fact]
    [BadInput("checkpoint", "last.bin cut off in the middle", "DataFormatException: damaged (SHA-256 mismatch); says an interrupted run cannot resume from it")]
    public void A_truncated_last_checkpoint_is_refused_and_says_resuming_is_impossible()
    {
        using var folder = new TemporaryDirectory();
        string path = SaveSmall(folder, Trainer.LastCheckpointName);
        var bytes = File.ReadAllBytes(path);
        File.WriteAllBytes(path, bytes[..(bytes.Length / 2)]);
        var error = LoadFails(path);
        Assert.Contains("is damaged", error.Message);
        Assert.Contains("cannot resume from it", error.Message);
    }

    [Fact]
    [BadInput("checkpoint", "a damaged checkpoint read only for its training state (eval reads the best epoch this way)", "DataFormatException: damaged (SHA-256 mismatch), before any state is used")]
    public void Reading_only_the_state_also_verifies_the_hash()
    {
        using var folder = new TemporaryDirectory();
        string path = SaveSmall(folder);
        var bytes = File.ReadAllBytes(path);
        bytes[bytes.Length / 2] ^= 0xFF;
        File.WriteAllBytes(path, bytes);
        Assert.Throws<DataFormatException>(() => Checkpoint.ReadState(path));
    }

    [Theory]
    [InlineData(new byte[0])]
    [InlineData(new byte[] { 0x50, 0x4B, 0x03, 0x04, 0, 0, 0, 0 })]
    [BadInput("checkpoint", "an empty file given as a checkpoint", "DataFormatException: '...' is not a Doc2Hash checkpoint (unreadable header at byte 0)")]
    [BadInput("checkpoint", "a file of another kind (a zip header) given as a checkpoint", "DataFormatException: '...' is not a Doc2Hash checkpoint")]
    public void A_file_that_is_not_a_checkpoint_says_so(byte[] content)
    {
        using var folder = new TemporaryDirectory();
        string path = folder.File("best.bin");
        File.WriteAllBytes(path, content);
        Assert.Contains("is not a Doc2Hash checkpoint", LoadFails(path).Message);
    }

    [Fact]
    public void A_version_1_checkpoint_without_a_hash_is_still_read()
    {
        using var folder = new TemporaryDirectory();
        string path = SaveSmall(folder);
        var bytes = File.ReadAllBytes(path)[..^32];
        // Layout: the magic as a length-prefixed string (1 + 19 bytes), then the int32 format version.
        Assert.Equal(2, BitConverter.ToInt32(bytes, 20));
        BitConverter.GetBytes(1).CopyTo(bytes, 20);
        File.WriteAllBytes(path, bytes);

        using var original = new Doc2HashModel(Small, 200, seed: 1);
        using var reloaded = new Doc2HashModel(Small, 200, seed: 2);
        Checkpoint.Load(path, reloaded);
        var features = TinyCorpus.ThreeByFive();
        Assert.Equal(original.Encode(Pad(features)).Words, reloaded.Encode(Pad(features)).Words);
    }

    private static Doc2Hash.Text.SparseMatrix Pad(Doc2Hash.Text.SparseMatrix m) =>
        new(m.Rows, 200, m.RowPointers, m.ColumnIndices, m.Values);
}
