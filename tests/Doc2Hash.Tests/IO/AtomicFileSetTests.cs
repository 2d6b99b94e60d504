using Doc2Hash.IO;
using Doc2Hash.Tests.Data.Formats;
using Doc2Hash.Tests.TestSupport;

namespace Doc2Hash.Tests.IO;

/// <summary>A set of files is replaced all or nothing: never a mix of old and new, never a partial or leftover file.</summary>
public class AtomicFileSetTests
{
    private static readonly string[] Names = ["train.npy", "validation.npy", "test.npy"];

    private static string[] WriteOldSet(TemporaryDirectory folder)
    {
        var paths = Names.Select(folder.File).ToArray();
        foreach (string path in paths) File.WriteAllText(path, "old " + Path.GetFileName(path));
        return paths;
    }

    private static void AssertOldSet(TemporaryDirectory folder, string[] paths)
    {
        foreach (string path in paths) Assert.Equal("old " + Path.GetFileName(path), File.ReadAllText(path));
        Assert.Equal(Names.Order(StringComparer.Ordinal), folder.FileNames());
    }

    private static Action<Stream> Text(string text) => stream => stream.Write(System.Text.Encoding.UTF8.GetBytes(text));

    [Fact]
    public void A_new_set_replaces_every_file_and_leaves_no_temporary_or_backup()
    {
        using var folder = new TemporaryDirectory();
        var paths = WriteOldSet(folder);
        AtomicFileSet.Write(paths.Select(p => (p, Text("new " + Path.GetFileName(p)))).ToList(), overwrite: true);
        foreach (string path in paths) Assert.Equal("new " + Path.GetFileName(path), File.ReadAllText(path));
        Assert.Equal(Names.Order(StringComparer.Ordinal), folder.FileNames());
    }

    [Fact]
    [BadInput("AtomicFileSet", "the third of three writes fails mid-stream (injected)", "the exception propagates; all three old files unchanged, no temporary file left")]
    public void A_failure_writing_the_last_file_keeps_the_whole_old_set()
    {
        using var folder = new TemporaryDirectory();
        var paths = WriteOldSet(folder);
        var files = new List<(string, Action<Stream>)>
        {
            (paths[0], Text("new train")),
            (paths[1], Text("new validation")),
            (paths[2], stream => { stream.Write(new byte[5000]); throw new IOException("injected failure in the third file"); }),
        };
        var error = Assert.Throws<IOException>(() => AtomicFileSet.Write(files, overwrite: true));
        Assert.Contains("injected failure in the third file", error.Message);
        AssertOldSet(folder, paths);
    }

    [Fact]
    [BadInput("AtomicFileSet", "one of three targets already exists and overwriting is not allowed (encode with one old output)", "IOException naming the existing file; nothing is written, not even the other two")]
    public void One_existing_target_without_overwrite_writes_nothing_at_all()
    {
        using var folder = new TemporaryDirectory();
        string existing = folder.File("validation.npy");
        File.WriteAllText(existing, "old validation");
        var files = Names.Select(n => (folder.File(n), Text("new"))).ToList();

        var error = Assert.Throws<IOException>(() => AtomicFileSet.Write(files, overwrite: false));

        Assert.Contains($"'{existing}' already exists", error.Message);
        Assert.Contains("nothing was written", error.Message);
        Assert.Equal(["validation.npy"], folder.FileNames());
        Assert.Equal("old validation", File.ReadAllText(existing));
    }

    [Fact]
    [BadInput("AtomicFileSet", "a rename fails after the first file of the set was already replaced (target turned into a folder)", "the exception propagates; the replaced file is rolled back, so the old set is whole again, no backup or temporary left")]
    public void A_rename_failure_midway_rolls_back_to_the_old_set()
    {
        using var folder = new TemporaryDirectory();
        var paths = WriteOldSet(folder);
        // The last writer runs before any rename: it deletes test.npy and puts a folder in its place, so the rename
        // of the third file fails after train.npy and validation.npy were already replaced.
        var files = new List<(string, Action<Stream>)>
        {
            (paths[0], Text("new train")),
            (paths[1], Text("new validation")),
            (paths[2], stream =>
            {
                File.Move(paths[2], folder.File("moved-aside"));
                Directory.CreateDirectory(paths[2]);
                stream.Write(System.Text.Encoding.UTF8.GetBytes("new test"));
            }),
        };

        Assert.ThrowsAny<IOException>(() => AtomicFileSet.Write(files, overwrite: true));

        Assert.Equal("old train.npy", File.ReadAllText(paths[0]));
        Assert.Equal("old validation.npy", File.ReadAllText(paths[1]));
        Assert.True(Directory.Exists(paths[2]));
        Assert.Equal(["moved-aside", "train.npy", "validation.npy"], folder.FileNames());
    }

    [Fact]
    [BadInput("AtomicFileSet", "the same output file named twice in one set", "ArgumentException naming the file; nothing is written")]
    public void The_same_file_twice_is_refused()
    {
        using var folder = new TemporaryDirectory();
        string path = folder.File("codes.npy");
        var error = Assert.Throws<ArgumentException>(() => AtomicFileSet.Write([(path, Text("a")), (path, Text("b"))], overwrite: true));
        Assert.Contains(path, error.Message);
        Assert.Empty(folder.FileNames());
    }
}
