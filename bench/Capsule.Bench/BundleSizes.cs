using System.IO.Compression;
using Capsule.Compiler;
using Capsule.Compiler.Bundling;
using Capsule.Compiler.Projects;

namespace Capsule.Bench;

/// <summary>Bytes as stored and as sent gzip-compressed (level 6, each file on its own, as a server sends it).</summary>
public readonly record struct FileSize(long Raw, long Gzip)
{
    public static FileSize Of(IEnumerable<BundleFile> files) =>
        files.Aggregate(new FileSize(0, 0), (total, file) => new FileSize(total.Raw + file.Content.Length, total.Gzip + Gzipped(file.Content)));

    private static long Gzipped(byte[] content)
    {
        using var compressed = new MemoryStream();
        using (var gzip = new GZipStream(compressed, CompressionLevel.Optimal, leaveOpen: true))
        {
            gzip.Write(content);
        }
        return compressed.Length;
    }
}

/// <summary>One project's bundle, compiled minified or readable: its files by kind.</summary>
public sealed record BundleSize(string Project, bool Minified, FileSize View, FileSize Logic, FileSize Styles, FileSize Served, FileSize Maps)
{
    /// <summary>Compiles the project both ways (without timing) and measures the bundles' files.</summary>
    public static IEnumerable<BundleSize> Measure(string name, string projectRoot) =>
        [Of(name, projectRoot, minify: false), Of(name, projectRoot, minify: true)];

    private static BundleSize Of(string name, string projectRoot, bool minify)
    {
        var result = ProjectCompiler.Compile(new DirectoryProjectFiles(projectRoot), new CompileOptions { Minify = minify });
        var bundle = result.Bundle ?? throw new BenchException($"{name} did not compile");
        var manifest = bundle.Manifest;
        var views = new HashSet<string>([manifest.View, .. manifest.SubPackages.Select(s => s.View)]);
        var logic = new HashSet<string>([manifest.Logic, .. manifest.SubPackages.Select(s => s.Logic)]);
        return new BundleSize(
            name,
            minify,
            FileSize.Of(bundle.Files.Where(f => views.Contains(f.Name))),
            FileSize.Of(bundle.Files.Where(f => logic.Contains(f.Name))),
            FileSize.Of(bundle.Files.Where(f => f.Name.EndsWith(".css", StringComparison.Ordinal))),
            FileSize.Of(bundle.Files.Where(f => !f.Name.EndsWith(".map", StringComparison.Ordinal))),
            FileSize.Of(bundle.Files.Where(f => f.Name.EndsWith(".map", StringComparison.Ordinal))));
    }
}
