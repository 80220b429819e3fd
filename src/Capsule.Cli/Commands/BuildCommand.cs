using System.CommandLine;
using Capsule.Compiler;
using Capsule.Compiler.Projects;

namespace Capsule.Cli.Commands;

/// <summary><c>capsule build &lt;projectRoot&gt; [--out DIR] [--no-minify]</c>: compiles and validates a project and reports its size.</summary>
public static class BuildCommand
{
    public static Command Create()
    {
        var projectRoot = ProjectRoot.Argument();
        var outDir = new Option<DirectoryInfo?>("--out") { Description = "Write the bundle's files to this folder" };
        var noMinify = new Option<bool>("--no-minify") { Description = "Write readable scripts, for debugging, instead of minified ones" };
        var command = new Command("build", "Compile a mini program into a bundle, or list its errors as file:line:col: message")
        {
            projectRoot,
            outDir,
            noMinify,
        };
        command.SetAction(parse =>
        {
            var output = parse.InvocationConfiguration.Output;
            var error = parse.InvocationConfiguration.Error;
            if (ProjectRoot.Existing(parse, projectRoot) is not { } root)
            {
                return ExitCodes.BadInput;
            }
            var options = new CompileOptions { Minify = !parse.GetValue(noMinify) };
            var result = ProjectCompiler.Compile(new DirectoryProjectFiles(root.FullName), options);
            foreach (var diagnostic in result.Diagnostics)
            {
                error.WriteLine(diagnostic.ToStringWithExcerpt());
            }
            if (result.Bundle is not { } bundle)
            {
                error.WriteLine($"capsule: build failed with {result.Diagnostics.Count(d => d.Severity == Compiler.Diagnostics.Severity.Error)} error(s)");
                return ExitCodes.CompileError;
            }
            if (parse.GetValue(outDir) is { } target)
            {
                Directory.CreateDirectory(target.FullName);
                foreach (var file in bundle.Files)
                {
                    File.WriteAllBytes(Path.Combine(target.FullName, file.Name), file.Content);
                }
            }
            output.WriteLine($"bundle {bundle.Id}: {bundle.Manifest.Pages.Count} page(s), {bundle.Files.Count} files, {SizeText(bundle.TotalSize)}");
            foreach (var file in bundle.Files.OrderByDescending(f => f.Content.Length).Take(10))
            {
                output.WriteLine($"  {SizeText(file.Content.Length),10}  {file.Name}");
            }
            return ExitCodes.Success;
        });
        return command;
    }

    private static string SizeText(long bytes) => bytes < 1024 ? $"{bytes} B" : $"{bytes / 1024.0:0.0} KB";
}
