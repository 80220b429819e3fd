using System.CommandLine;
using System.Text.Json;
using Capsule.Compiler.Projects;
using Capsule.Compiler.Rendering;

namespace Capsule.Cli.Commands;

/// <summary><c>capsule render &lt;projectRoot&gt; &lt;page.wxml&gt; --data &lt;file.json&gt;</c>: prints a page's virtual DOM as JSON.</summary>
public static class RenderCommand
{
    public static Command Create()
    {
        var projectRoot = ProjectRoot.Argument();
        var page = new Argument<string>("page") { Description = "The page's WXML file, relative to the project, e.g. pages/index/index.wxml" };
        var data = new Option<FileInfo?>("--data") { Description = "A JSON file with the page data (default: {})" };
        var command = new Command("render", "Print the virtual DOM of a page for the given data, in wcc's JSON shape")
        {
            projectRoot,
            page,
            data,
        };
        command.SetAction(parse =>
        {
            var output = parse.InvocationConfiguration.Output;
            var error = parse.InvocationConfiguration.Error;
            if (ProjectRoot.Existing(parse, projectRoot) is not { } root)
            {
                return ExitCodes.BadInput;
            }
            var dataFile = parse.GetValue(data);
            var dataJson = "{}";
            if (dataFile is not null)
            {
                if (!dataFile.Exists)
                {
                    error.WriteLine($"capsule: data file {dataFile.FullName} does not exist");
                    return ExitCodes.BadInput;
                }
                dataJson = File.ReadAllText(dataFile.FullName);
                try
                {
                    using var _ = JsonDocument.Parse(dataJson);
                }
                catch (JsonException e)
                {
                    error.WriteLine($"{dataFile.Name}:{(e.LineNumber ?? 0) + 1}:{(e.BytePositionInLine ?? 0) + 1}: data is not valid JSON");
                    return ExitCodes.BadInput;
                }
            }
            var files = new DirectoryProjectFiles(root.FullName);
            var pagePath = parse.GetValue(page)!.Replace('\\', '/').TrimStart('.', '/');
            var result = PageRenderer.Render(files, pagePath, dataJson);
            foreach (var diagnostic in result.Diagnostics)
            {
                error.WriteLine(diagnostic.ToStringWithExcerpt());
            }
            if (result.RuntimeError is not null)
            {
                error.WriteLine($"{pagePath}: render failed: {result.RuntimeError}");
            }
            if (result.Json is null)
            {
                return ExitCodes.CompileError;
            }
            output.WriteLine(result.Json);
            return ExitCodes.Success;
        });
        return command;
    }
}
