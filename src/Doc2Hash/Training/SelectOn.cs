namespace Doc2Hash.Training;

/// <summary>Which split's precision@K picks the best epoch.</summary>
public enum SelectOn
{
    /// <summary>Validation queries against the training database (the kit's default; test is looked at once).</summary>
    Validation,

    /// <summary>
    /// Test queries (the authors' protocol: it leaks the test set into model selection). Results are labelled
    /// <see cref="TrainingResult.SelectedOnTestLabel"/>.
    /// </summary>
    Test,
}
