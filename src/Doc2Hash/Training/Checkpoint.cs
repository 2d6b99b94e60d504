using Doc2Hash.Hashing.Neural;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Doc2Hash.Training;

/// <summary>
/// A checkpoint file: a header, the <see cref="TrainingState"/> as JSON, the model's parameters and buffers
/// (TorchSharp's module format) and, optionally, the optimiser's state (its step counts and moment estimates;
/// <see cref="ITrainingOptimizer.Save"/>). Written to a temporary file and renamed, so a crash never leaves a half-written checkpoint.
/// </summary>
public static class Checkpoint
{
    private const string Magic = "DOC2HASH-CHECKPOINT";
    private const int FormatVersion = 1;

    // The best score starts at -infinity, which plain JSON cannot spell.
    private static readonly JsonSerializerOptions Json = new() { NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals };

    public static void Save(string path, ITrainableHasher model, TrainingState state, ITrainingOptimizer? optimizer = null)
    {
        string temporary = path + ".tmp";
        using (var stream = File.Create(temporary))
        using (var writer = new BinaryWriter(stream))
        {
            writer.Write(Magic);
            writer.Write(FormatVersion);
            writer.Write(JsonSerializer.Serialize(state, Json));
            model.SaveState(writer);
            writer.Write(optimizer is not null);
            optimizer?.Save(writer);
        }
        File.Move(temporary, path, overwrite: true);
    }

    /// <summary>Reads only the trainer state of a checkpoint (no tensors are touched).</summary>
    public static TrainingState ReadState(string path)
    {
        using var reader = OpenChecked(path);
        return ReadHeader(reader, path);
    }

    /// <summary>Loads the model's tensors (and the optimizer's when given and present) and returns the trainer state.</summary>
    public static TrainingState Load(string path, ITrainableHasher model, ITrainingOptimizer? optimizer = null)
    {
        using var reader = OpenChecked(path);
        try
        {
            var state = ReadHeader(reader, path);
            model.LoadState(reader);
            if (reader.ReadBoolean() && optimizer is not null) optimizer.Load(reader);
            return state;
        }
        catch (EndOfStreamException e)
        {
            throw new InvalidDataException($"Checkpoint '{path}' is truncated; delete it and retrain or resume from another checkpoint.", e);
        }
        catch (ArgumentException e)
        {
            throw new InvalidDataException($"Checkpoint '{path}' does not match this model's configuration: {e.Message}", e);
        }
    }

    private static BinaryReader OpenChecked(string path)
    {
        if (!File.Exists(path))
            throw new FileNotFoundException($"Checkpoint '{path}' does not exist; train first or check the run folder.", path);
        return new BinaryReader(File.OpenRead(path));
    }

    private static TrainingState ReadHeader(BinaryReader reader, string path)
    {
        try
        {
            if (reader.ReadString() != Magic)
                throw new InvalidDataException($"'{path}' is not a Doc2Hash checkpoint (wrong header).");
            int version = reader.ReadInt32();
            if (version != FormatVersion)
                throw new InvalidDataException($"Checkpoint '{path}' has format version {version}; this kit reads version {FormatVersion}.");
            return JsonSerializer.Deserialize<TrainingState>(reader.ReadString(), Json)
                ?? throw new InvalidDataException($"Checkpoint '{path}' has an empty training state.");
        }
        catch (EndOfStreamException e)
        {
            throw new InvalidDataException($"Checkpoint '{path}' is truncated; delete it and retrain or resume from another checkpoint.", e);
        }
    }
}
