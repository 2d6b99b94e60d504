namespace Doc2Hash.Experiments;

/// <summary>Whole-file writes that never leave a partial file: write a temporary sibling, then rename over the target.</summary>
public static class AtomicFile
{
    public static void WriteAllText(string path, string contents)
    {
        string temporary = $"{path}.{Guid.NewGuid():N}.tmp";
        try
        {
            File.WriteAllText(temporary, contents);
            File.Move(temporary, path, overwrite: true);
        }
        finally
        {
            if (File.Exists(temporary)) File.Delete(temporary);
        }
    }
}
