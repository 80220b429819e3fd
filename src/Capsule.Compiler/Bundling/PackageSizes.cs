using Capsule.Compiler.Diagnostics;
using Capsule.Compiler.Projects;

namespace Capsule.Compiler.Bundling;

/// <summary>Checks the size of each package's files, and of all together, against the limits.</summary>
public static class PackageSizes
{
    public static void Check(IProjectFiles files, PackageLayout layout, CompileOptions options, SourceFile appFile, DiagnosticBag diagnostics)
    {
        var sizes = files.Paths
            .Select(p => (Path: p, Size: files.Size(p)))
            .GroupBy(f => layout.RootOf(f.Path))
            .ToDictionary(g => g.Key, g => g.ToList());
        long total = 0;
        foreach (var root in layout.Roots)
        {
            var packageFiles = sizes.GetValueOrDefault(root) ?? [];
            var size = packageFiles.Sum(f => f.Size);
            total += size;
            var limit = root.Length == 0 ? options.MainPackageLimit : options.SubPackageLimit;
            if (size > limit)
            {
                var name = root.Length == 0 ? "the main package" : $"subpackage \"{root}\"";
                diagnostics.Error(appFile, new SourceSpan(0, 0), $"{name} is {Format(size)}, over the {Format(limit)} limit; biggest files: {Biggest(packageFiles)}");
            }
        }
        if (total > options.TotalLimit)
        {
            diagnostics.Error(appFile, new SourceSpan(0, 0), $"all packages together are {Format(total)}, over the {Format(options.TotalLimit)} limit");
        }
    }

    private static string Biggest(IEnumerable<(string Path, long Size)> files) =>
        string.Join(", ", files.OrderByDescending(f => f.Size).Take(5).Select(f => $"{f.Path} ({Format(f.Size)})"));

    public static string Format(long bytes) => bytes switch
    {
        < 1024 => $"{bytes} B",
        < CompileOptions.Megabyte => $"{bytes / 1024.0:0.0} KB",
        _ => $"{bytes / (double)CompileOptions.Megabyte:0.00} MB",
    };
}
