using System.Text.Json.Serialization;

namespace Doc2Hash.Data.Cache;

/// <summary>
/// Compile-time JSON metadata for the manifest: reflection-based System.Text.Json costs about 0.25 s of warm-up in a
/// fresh process (measured on the 2-core machine), a quarter of the one-second budget of a cached load.
/// </summary>
[JsonSourceGenerationOptions(WriteIndented = true, PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
[JsonSerializable(typeof(ProcessedDatasetManifest))]
internal sealed partial class ProcessedDatasetManifestJson : JsonSerializerContext;
