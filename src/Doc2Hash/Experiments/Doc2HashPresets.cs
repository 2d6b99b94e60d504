using Doc2Hash.Hashing.Neural;
using Doc2Hash.Hashing.Relaxations;
using Doc2Hash.Training;

namespace Doc2Hash.Experiments;

/// <summary>A method's full recipe: model settings, label head (supervised methods only) and optimisation.</summary>
public sealed record MethodPreset(string Method, Doc2HashConfig Model, LabelHeadConfig? LabelHead, TrainerOptions Training);

/// <summary>
/// The authors' hyper-parameters, one named preset per method (yifeiacc/doc2hash: train_gumble.py and
/// train_s_gumbel.py). Every value can be overridden with <c>with</c>; anything not listed is the record default.
/// </summary>
public static class Doc2HashPresets
{
    public const string Doc2HashMethod = "doc2hash";
    public const string Doc2HashSupervisedMethod = "doc2hash-s";

    public static IReadOnlyList<string> Methods { get; } = [Doc2HashMethod, Doc2HashSupervisedMethod];

    /// <summary>Doc2hash: lr 5e-4, batch 100, 100 epochs, dropout 0.2, KL weight 2, hidden 500, tau 1.0 x0.96/step floor 0.1.</summary>
    public static MethodPreset Unsupervised(int bits) => new(
        Doc2HashMethod,
        new Doc2HashConfig
        {
            Bits = bits,
            HiddenSize = 500,                       // authors: hidden_dim = 500
            Dropout = 0.2,                          // authors: --dropout default 0.2
            KlWeight = 2.0,                         // authors: kl_weight = 2, constant
            Temperature = new TemperatureSchedule { Initial = 1.0, Rate = 0.96, Floor = 0.1, Every = AnnealEvery.Step }, // tmp = 1; max(tmp * 0.96, 0.1) per step
            Init = WeightInit.Default,              // authors: PyTorch's default nn.Linear initialisation
        },
        LabelHead: null,
        new TrainerOptions
        {
            Epochs = 100,                           // authors: --num_epochs 100
            BatchSize = 100,                        // authors: --train_batch_size 100
            LearningRate = 5e-4,                    // authors: --lr 0.0005
        });

    /// <summary>Doc2hash-S: lr 1e-4, dropout 0, tau0 0.2, Xavier-uniform weights with bias 0.01, label weight +0.003/step up to 150.</summary>
    public static MethodPreset Supervised(int bits)
    {
        var unsupervised = Unsupervised(bits);
        return new MethodPreset(
            Doc2HashSupervisedMethod,
            unsupervised.Model with
            {
                Dropout = 0.0,                                                          // authors: --dropout default 0
                Temperature = unsupervised.Model.Temperature with { Initial = 0.2 },    // authors: tmp = 0.2
                Init = WeightInit.XavierUniform,                                        // authors: init_weights (xavier_uniform_)
                BiasFill = 0.01,                                                        // authors: m.bias.data.fill_(0.01)
            },
            new LabelHeadConfig { WeightStep = 0.003, MaxWeight = 150.0 },              // pred_weight += 3/1000 per step, max 150
            unsupervised.Training with { LearningRate = 1e-4 });                        // authors: --lr 0.0001
    }

    /// <summary>The preset of a method by its name ("doc2hash" or "doc2hash-s").</summary>
    public static MethodPreset For(string method, int bits) => method switch
    {
        Doc2HashMethod => Unsupervised(bits),
        Doc2HashSupervisedMethod => Supervised(bits),
        _ => throw new ArgumentException($"Unknown method '{method}'. Known neural methods: {string.Join(", ", Methods)}."),
    };
}
