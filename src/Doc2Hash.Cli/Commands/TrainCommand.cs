using System.CommandLine;
using System.Globalization;
using Doc2Hash.Experiments;
using Doc2Hash.Hashing.Neural;
using Doc2Hash.Hashing.Relaxations;
using Doc2Hash.Training;

namespace Doc2Hash.Cli.Commands;

/// <summary>`doc2hash train`: one neural run from a preset, with any value overridden, into a new run folder (or resume one).</summary>
internal static class TrainCommand
{
    public static Command Create()
    {
        var method = new Option<string>("--method") { Description = "Method: doc2hash or doc2hash-s (supervised).", DefaultValueFactory = _ => Doc2HashPresets.Doc2HashMethod };
        method.AcceptOnlyFromAmong([.. Doc2HashPresets.Methods]);
        var dataset = new Option<string?>("--dataset") { Description = "Prepared dataset name, e.g. ng20 or reuters (required unless --resume)." };
        var bits = new Option<int>("--bits") { Description = "Code length in bits.", DefaultValueFactory = _ => 32 };
        var epochs = new Option<int?>("--epochs") { Description = "Epochs (preset: 100)." };
        var seed = new Option<int>("--seed") { Description = "The one seed behind initialisation, shuffling, dropout and Gumbel noise.", DefaultValueFactory = _ => 1 };
        var device = new Option<string>("--device") { Description = "cpu, cuda, cuda:N or auto.", DefaultValueFactory = _ => "cpu" };
        var runsDir = new Option<string>("--runs-dir") { Description = "Folder that receives <dataset>/<run> folders.", DefaultValueFactory = _ => "runs" };
        var lr = new Option<double?>("--lr") { Description = "Learning rate (preset: 5e-4; doc2hash-s 1e-4)." };
        var optimizer = new Option<string>("--optimizer") { Description = "adam (default, the authors) or lazy-adam (updates only the input rows a minibatch touches, torch's SparseAdam there: faster, a different optimiser).", DefaultValueFactory = _ => OptimizerNames.Adam };
        optimizer.AcceptOnlyFromAmong([.. OptimizerNames.All]);
        var batchSize = new Option<int?>("--batch-size") { Description = "Minibatch size (preset: 100)." };
        var dropout = new Option<double?>("--dropout") { Description = "Dropout before the logits (preset: 0.2; doc2hash-s 0)." };
        var klWeight = new Option<double?>("--kl-weight") { Description = "Weight of the KL term (preset: 2)." };
        var klForm = new Option<string?>("--kl-form") { Description = "per-bit (default) or authors (one softmax over all 2L logits, as the authors' code)." };
        klForm.AcceptOnlyFromAmong("per-bit", "authors");
        var tau0 = new Option<double?>("--tau0") { Description = "Initial Gumbel-Softmax temperature (preset: 1.0; doc2hash-s 0.2)." };
        var tauRate = new Option<double?>("--tau-rate") { Description = "Multiplicative temperature decay per step (preset: 0.96)." };
        var tauMin = new Option<double?>("--tau-min") { Description = "Temperature floor (preset: 0.1)." };
        var tauPerEpoch = new Option<bool>("--tau-per-epoch") { Description = "Anneal the temperature once per epoch instead of per minibatch." };
        var selectOn = new Option<string>("--select-on") { Description = "Split whose P@K picks the best epoch: validation, or test (the authors' protocol, labelled as such).", DefaultValueFactory = _ => "validation" };
        selectOn.AcceptOnlyFromAmong("validation", "test");
        var k = new Option<int?>("--k") { Description = "K of precision@K for selection and reporting (default 100)." };
        var threads = new Option<int?>("--threads") { Description = "torch intra-op threads (default: torch's choice; 1 can be faster on a busy machine)." };
        var resume = new Option<string?>("--resume") { Description = "Continue an interrupted run folder from its last checkpoint (its config.json is used as is)." };

        var command = new Command("train", "Train Doc2hash or Doc2hash-S with the authors' preset (any value overridable); writes a run folder with config, metrics, summary and checkpoints.");
        foreach (var option in new Option[] { method, dataset, bits, epochs, seed, device, runsDir, lr, optimizer, batchSize, dropout, klWeight, klForm, tau0, tauRate, tauMin, tauPerEpoch, selectOn, k, threads, resume })
            command.Options.Add(option);

        command.SetAction(parse => CliErrors.Run(() =>
        {
            if (parse.GetValue(threads) is { } count) TorchSharp.torch.set_num_threads(count);
            if (parse.GetValue(resume) is { } resumePath)
            {
                var run = RunFolder.Open(resumePath);
                var stored = run.ReadConfig();
                Console.WriteLine($"resuming {run.Path}");
                Print(NeuralExperiment.Resume(run, NeuralRunSupport.LoadDataset(stored.Dataset), PrintEpochs));
                return 0;
            }
            var datasetName = parse.GetValue(dataset) ?? throw new ArgumentException("--dataset is required (or --resume RUN to continue a run).");
            var preset = Doc2HashPresets.For(parse.GetValue(method)!, parse.GetValue(bits));
            var model = preset.Model;
            var temperature = model.Temperature with
            {
                Initial = parse.GetValue(tau0) ?? model.Temperature.Initial,
                Rate = parse.GetValue(tauRate) ?? model.Temperature.Rate,
                Floor = parse.GetValue(tauMin) ?? model.Temperature.Floor,
                Every = parse.GetValue(tauPerEpoch) ? AnnealEvery.Epoch : model.Temperature.Every,
            };
            var config = RunConfig.From(preset, datasetName) with
            {
                Device = parse.GetValue(device)!,
                Model = model with
                {
                    Dropout = parse.GetValue(dropout) ?? model.Dropout,
                    KlWeight = parse.GetValue(klWeight) ?? model.KlWeight,
                    KlForm = parse.GetValue(klForm) switch { "authors" => KlForm.AuthorsFlatSoftmax, "per-bit" => KlForm.PerBit, _ => model.KlForm },
                    Temperature = temperature,
                },
                Training = preset.Training with
                {
                    Epochs = parse.GetValue(epochs) ?? preset.Training.Epochs,
                    Seed = parse.GetValue(seed),
                    LearningRate = parse.GetValue(lr) ?? preset.Training.LearningRate,
                    Optimizer = OptimizerNames.Parse(parse.GetValue(optimizer)!),
                    BatchSize = parse.GetValue(batchSize) ?? preset.Training.BatchSize,
                    SelectOn = parse.GetValue(selectOn) == "test" ? SelectOn.Test : SelectOn.Validation,
                    K = parse.GetValue(k) ?? preset.Training.K,
                },
            };
            config.Model.Validate();
            config.Training.Validate();
            var data = NeuralRunSupport.LoadDataset(datasetName);
            Console.WriteLine($"{config.Method} on {data.Name}: {data.Train.Count} train / {data.Validation.Count} validation / {data.Test.Count} test documents, {data.VocabularySize} words, {config.Bits} bits");
            var (_, summary) = NeuralExperiment.Train(config, data, parse.GetValue(runsDir)!, (trainer, run) =>
            {
                Console.WriteLine($"run folder: {run.Path}");
                PrintEpochs(trainer, run);
            });
            Print(summary);
            return 0;
        }));
        return command;
    }

    private static void PrintEpochs(Trainer trainer, RunFolder run)
    {
        TrainingProgressBar.Attach(trainer);
        trainer.EpochCompleted += (_, report) => Console.WriteLine(Trainer.Describe(report));
    }

    private static void Print(RunSummary summary) => Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"best epoch {summary.BestEpoch} ({summary.SelectionProtocol}): validation P@{summary.K} {summary.ValidationPrecision:F4}, test P@{summary.K} {summary.TestPrecision:F4}; {summary.EpochsRun} epochs, {summary.TotalSeconds:F1} s"));
}
