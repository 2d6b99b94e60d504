namespace Doc2Hash.Training;

/// <summary>What the <see cref="Trainer"/> needs from an optimiser: a step after backward, and its state for checkpoints.</summary>
public interface ITrainingOptimizer : IDisposable
{
    /// <summary>Updates the parameters from the gradients the last backward pass left on them.</summary>
    void Step();

    /// <summary>Writes the state a resumed run needs to continue exactly (step counts, moment estimates).</summary>
    void Save(BinaryWriter writer);

    /// <summary>Reads back what <see cref="Save"/> wrote, into an optimiser built over the same parameters.</summary>
    void Load(BinaryReader reader);
}
