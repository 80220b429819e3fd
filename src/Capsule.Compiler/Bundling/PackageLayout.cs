using Capsule.Compiler.Manifest;

namespace Capsule.Compiler.Bundling;

/// <summary>Which package a file belongs to: the subpackage whose root contains it, otherwise the main package ("").</summary>
public sealed class PackageLayout(AppManifest app)
{
    /// <summary>"" for the main package, then each subpackage's root in app.json order.</summary>
    public IReadOnlyList<string> Roots { get; } = ["", .. app.SubPackages.Select(s => s.Root)];

    public string RootOf(string path) => app.SubPackages.FirstOrDefault(s => path.StartsWith(s.Root, StringComparison.Ordinal))?.Root ?? "";

    public IEnumerable<string> PagesIn(string root) =>
        root.Length == 0 ? app.Pages : app.SubPackages.First(s => s.Root == root).Pages;
}
