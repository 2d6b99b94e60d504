namespace Doc2Hash.Notebooks;

/// <summary>
/// The one call a notebook makes after referencing the kit and before using it, in the runner, in Jupyter and in
/// VS Code alike: TorchSharp gets the libtorch of its own package (<see cref="BundledLibTorch"/>), and the kit's
/// figures get kernel formatters (<see cref="NotebookFormatters"/>). Prints one line saying what it did.
/// </summary>
public static class NotebookSetup
{
    public static void Initialize()
    {
        string libtorch = BundledLibTorch.Preload();
        string figures = NotebookFormatters.Register();
        Console.WriteLine($"Doc2Hash notebook setup: {libtorch}; {figures}.");
    }
}
