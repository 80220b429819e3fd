using System.Text.Json;

namespace Capsule.Compiler.Bundling;

/// <summary>A compiled program: its manifest plus the files it names. Identified by the manifest file's hash.</summary>
public sealed class Bundle
{
    private static readonly JsonSerializerOptions s_json = new() { WriteIndented = false };

    public Bundle(BundleManifest manifest, IReadOnlyList<BundleFile> files)
    {
        Manifest = manifest;
        ManifestFile = BundleFile.Create(JsonSerializer.SerializeToUtf8Bytes(manifest, s_json), "json", "application/json");
        Files = [.. files, ManifestFile];
    }

    public BundleManifest Manifest { get; }

    public BundleFile ManifestFile { get; }

    /// <summary>Every file, the manifest included.</summary>
    public IReadOnlyList<BundleFile> Files { get; }

    /// <summary>The bundle's identity: the manifest file's content hash.</summary>
    public string Id => Path.GetFileNameWithoutExtension(ManifestFile.Name);

    public long TotalSize => Files.Sum(f => (long)f.Content.Length);
}
