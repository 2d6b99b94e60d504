using Doc2Hash.IO;
using Doc2Hash.Tests.Data.Formats;
using Doc2Hash.Tests.TestSupport;

namespace Doc2Hash.Tests.IO;

/// <summary>Injected failures while writing one file: nothing partial is left and the previous file is kept.</summary>
public class AtomicFileTests
{
    [Fact]
    [BadInput("AtomicFile", "the stream fails mid-write (injected after 1,000 of 3,000 bytes)", "the exception propagates; the old file is unchanged and no temporary file is left")]
    public void A_stream_failure_mid_write_leaves_the_old_file_and_no_temporary_file()
    {
        using var folder = new TemporaryDirectory();
        string path = folder.File("codes.npy");
        AtomicFile.WriteAllText(path, "old content");

        var error = Assert.Throws<IOException>(() => AtomicFile.Write(path, stream =>
        {
            stream.Write(new byte[1000]);
            throw new IOException("injected failure");
        }, overwrite: true));

        Assert.Contains("injected failure", error.Message);
        Assert.Equal("old content", File.ReadAllText(path));
        Assert.Equal(["codes.npy"], folder.FileNames());
    }

    [Fact]
    [BadInput("AtomicFile", "the disk fills up after 2 MB (injected ENOSPC-style IOException)", "IOException naming the target and saying nothing was changed; no temporary file is left")]
    public void An_io_failure_is_reported_against_the_target_and_says_nothing_changed()
    {
        using var folder = new TemporaryDirectory();
        string path = folder.File("summary.json");
        AtomicFile.WriteAllText(path, "old");

        var error = Assert.Throws<IOException>(() => AtomicFile.Write(path, stream =>
        {
            stream.Write(new byte[2 << 20]);
            throw new IOException("No space left on device (injected)");
        }, overwrite: true));

        Assert.Contains($"Writing '{path}' failed: No space left on device (injected)", error.Message);
        Assert.Contains("Nothing was changed", error.Message);
        Assert.Equal("old", File.ReadAllText(path));
        Assert.Equal(["summary.json"], folder.FileNames());
    }

    [Fact]
    [BadInput("AtomicFile", "a non-I/O exception from the content writer (e.g. a bug or an invalid value)", "the same exception, unchanged; no temporary file is left")]
    public void A_non_io_exception_propagates_unchanged_and_leaves_nothing()
    {
        using var folder = new TemporaryDirectory();
        string path = folder.File("new.bin");
        Assert.Throws<ArgumentException>(() => AtomicFile.Write(path, _ => throw new ArgumentException("bad value"), overwrite: false));
        Assert.Empty(folder.FileNames());
    }

    [Fact]
    [BadInput("AtomicFile", "writing over an existing file without permission to overwrite", "IOException: '...' already exists; nothing is written")]
    public void An_existing_target_is_refused_without_overwrite()
    {
        using var folder = new TemporaryDirectory();
        string path = folder.File("codes.npy");
        AtomicFile.WriteAllText(path, "keep");
        var error = Assert.Throws<IOException>(() => AtomicFile.Write(path, s => s.WriteByte(1), overwrite: false));
        Assert.Contains("already exists", error.Message);
        Assert.Equal("keep", File.ReadAllText(path));
        Assert.Equal(["codes.npy"], folder.FileNames());
    }
}
