using Capsule.Compiler.Diagnostics;
using Capsule.Compiler.Projects;

namespace Capsule.Compiler.Wxss;

/// <summary>Compiles a project's WXSS file with its <c>@import</c>s inlined, relative to the importing file; cycles are errors.</summary>
public static class WxssFiles
{
    private const int MaxImportDepth = 32;

    public static string Compile(IProjectFiles files, string path, DiagnosticBag diagnostics, string? classScope = null) =>
        Compile(files, path, diagnostics, classScope, []);

    private static string Compile(IProjectFiles files, string path, DiagnosticBag diagnostics, string? classScope, List<string> importing)
    {
        var file = new SourceFile(path, files.ReadText(path));
        importing.Add(path);
        var css = WxssCompiler.Compile(file, diagnostics, classScope, (request, span) =>
        {
            var target = ProjectPath.Resolve(path, request, ".wxss");
            if (target is null || !files.Exists(target))
            {
                diagnostics.Error(file, span, $"@import \"{request}\": {target ?? request} is not a file of the project");
                return null;
            }
            if (importing.Contains(target))
            {
                diagnostics.Error(file, span, $"@import \"{request}\" makes a cycle: {string.Join(" → ", importing.Append(target))}");
                return null;
            }
            if (importing.Count >= MaxImportDepth)
            {
                diagnostics.Error(file, span, $"@import \"{request}\": imports are nested more than {MaxImportDepth} deep");
                return null;
            }
            return Compile(files, target, diagnostics, classScope, importing);
        });
        importing.RemoveAt(importing.Count - 1);
        return css;
    }
}
