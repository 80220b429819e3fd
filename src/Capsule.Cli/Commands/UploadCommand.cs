using System.CommandLine;
using System.IO.Compression;
using System.Net.Http.Headers;
using System.Text.Json;
using Capsule.Compiler.Manifest;

namespace Capsule.Cli.Commands;

/// <summary>
/// <c>capsule upload &lt;projectRoot&gt; --version 1.0.0 [--appid wx…] [--notes …]</c>: zips the project and uploads it as
/// a development version, with the token <c>capsule login</c> saved. Compile errors come back as <c>file:line:col: message</c>.
/// </summary>
public static class UploadCommand
{
    public static Command Create()
    {
        var projectRoot = ProjectRoot.Argument();
        var version = new Option<string>("--version") { Description = "The version number, e.g. 1.0.0", Required = true };
        var appId = new Option<string?>("--appid") { Description = "The program's appid (default: appid in project.config.json)" };
        var notes = new Option<string?>("--notes") { Description = "What changed in this version" };
        var command = new Command("upload", "Upload the project as a new development version") { projectRoot, version, appId, notes };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var output = parse.InvocationConfiguration.Output;
            var error = parse.InvocationConfiguration.Error;
            if (ProjectRoot.Existing(parse, projectRoot) is not { } root)
            {
                return ExitCodes.BadInput;
            }
            if (Credentials.Load() is not { } credentials)
            {
                await error.WriteLineAsync("capsule: not signed in: run capsule login --server URL --token cpat_… first");
                return ExitCodes.BadInput;
            }
            var configPath = Path.Combine(root.FullName, ProjectConfig.FileName);
            var target = parse.GetValue(appId) ?? ProjectConfig.Parse(File.Exists(configPath) ? await File.ReadAllTextAsync(configPath, cancellationToken) : null).AppId;
            if (string.IsNullOrWhiteSpace(target))
            {
                await error.WriteLineAsync("capsule: which program? give --appid or set appid in project.config.json");
                return ExitCodes.BadInput;
            }
            var package = Zip(root.FullName);
            using var client = credentials.CreateClient();
            using var body = new ByteArrayContent(package);
            body.Headers.ContentType = new MediaTypeHeaderValue("application/zip");
            var query = $"version={Uri.EscapeDataString(parse.GetValue(version)!)}&notes={Uri.EscapeDataString(parse.GetValue(notes) ?? "")}";
            HttpResponseMessage response;
            try
            {
                response = await client.PostAsync($"api/programs/{Uri.EscapeDataString(target)}/versions?{query}", body, cancellationToken);
            }
            catch (HttpRequestException e)
            {
                await error.WriteLineAsync($"capsule: cannot reach {credentials.Server}: {e.Message}");
                return ExitCodes.ServerRefused;
            }
            using var answer = JsonDocument.Parse(await response.Content.ReadAsStringAsync(cancellationToken));
            if (response.IsSuccessStatusCode)
            {
                await output.WriteLineAsync($"Uploaded {target} version {answer.RootElement.GetProperty("number").GetString()} ({package.Length / 1024.0:0.0} KB): it is a development version now");
                return ExitCodes.Success;
            }
            if (answer.RootElement.TryGetProperty("errors", out var errors) && errors.ValueKind == JsonValueKind.Array)
            {
                foreach (var line in errors.EnumerateArray())
                {
                    await error.WriteLineAsync(line.GetString());
                }
                return ExitCodes.CompileError;
            }
            var detail = answer.RootElement.TryGetProperty("detail", out var d) ? d.GetString() : response.ReasonPhrase;
            await error.WriteLineAsync($"capsule: upload refused ({(int)response.StatusCode}): {detail}");
            return ExitCodes.ServerRefused;
        });
        return command;
    }

    /// <summary>The project as a zip: every file except hidden ones and node_modules.</summary>
    private static byte[] Zip(string root)
    {
        using var stream = new MemoryStream();
        using (var zip = new ZipArchive(stream, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var file in Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories))
            {
                var path = Path.GetRelativePath(root, file).Replace('\\', '/');
                if (!path.Split('/').Any(part => part.StartsWith('.') || part == "node_modules"))
                {
                    zip.CreateEntryFromFile(file, path, CompressionLevel.Optimal);
                }
            }
        }
        return stream.ToArray();
    }
}
