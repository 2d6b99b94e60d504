using System.CommandLine;
using Doc2Hash.Data;
using Doc2Hash.Data.Readers;

namespace Doc2Hash.Cli.Commands;

/// <summary>The data-location options every command that loads a dataset accepts.</summary>
internal sealed class DataOptionsBinder
{
    readonly Option<string?> _mirror = new("--mirror")
    {
        Description = "Folder holding the canonical corpus files (default: $DOC2HASH_DATA_MIRROR). Used when a file is not in the cache.",
    };
    readonly Option<string?> _dataDir = new("--data-dir")
    {
        Description = "Local data cache root (default: $DOC2HASH_DATA_DIR, else the clone's data/, else ~/.cache/doc2hash).",
    };
    readonly Option<bool> _offline = new("--offline") { Description = "Never download: use only the cache and the mirror." };
    readonly Option<string> _encoding = new("--encoding")
    {
        Description = $"Text encoding of a user corpus (.csv, .jsonl, folder): {TextDecoding.SupportedNames}. UTF-8 is checked strictly.",
        DefaultValueFactory = _ => TextDecoding.Utf8Name,
    };

    public void AddTo(Command command)
    {
        command.Options.Add(_mirror);
        command.Options.Add(_dataDir);
        command.Options.Add(_offline);
        command.Options.Add(_encoding);
    }

    public DataOptions Bind(ParseResult parse) => DataOptions.Default with
    {
        MirrorDirectory = parse.GetValue(_mirror),
        DataRoot = parse.GetValue(_dataDir),
        AllowDownload = !parse.GetValue(_offline),
        UserEncoding = ValidEncoding(parse.GetValue(_encoding)!),
    };

    /// <summary>An unknown encoding name is an error before anything is read.</summary>
    static string ValidEncoding(string name)
    {
        TextDecoding.Parse(name);
        return name;
    }
}
