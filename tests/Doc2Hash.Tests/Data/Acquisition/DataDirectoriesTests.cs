using Doc2Hash.Data;
using Doc2Hash.Data.Acquisition;

namespace Doc2Hash.Tests.Data.Acquisition;

public class DataDirectoriesTests
{
    [Fact]
    public void Explicit_options_set_the_root_raw_cache_and_mirror_paths()
    {
        var directories = DataDirectories.Resolve(new DataOptions { DataRoot = "/tmp/d2h-root", MirrorDirectory = "/tmp/d2h-mirror" });

        Assert.Equal(Path.Combine("/tmp/d2h-root", "raw", "tmc", "TestData.txt.gz"), directories.RawPath("tmc/TestData.txt.gz"));
        Assert.Equal(Path.Combine("/tmp/d2h-mirror", "tmc", "TestData.txt.gz"), directories.MirrorPath("tmc/TestData.txt.gz"));
    }

    [Fact]
    public void The_repository_root_is_found_from_inside_the_clone()
    {
        // Tests run from tests/Doc2Hash.Tests/bin/..., inside the clone that holds Doc2Hash.sln.
        string? root = DataDirectories.FindRepositoryRoot();

        Assert.NotNull(root);
        Assert.True(File.Exists(Path.Combine(root, DataDirectories.SolutionFileName)));
    }
}
