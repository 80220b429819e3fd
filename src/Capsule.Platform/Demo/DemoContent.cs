using System.Text.Json;
using Capsule.Compiler;
using Capsule.Compiler.Projects;
using Capsule.Platform.Bundles;
using Capsule.Platform.Data;
using Capsule.Platform.MiniPrograms;
using Capsule.Platform.Versions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace Capsule.Platform.Demo;

/// <summary>
/// Publishes every sample project in a folder as a released demo program. Appids are derived from the
/// folder names, so links stay valid across restarts; an unchanged sample is left as it is.
/// </summary>
public sealed partial class DemoContent(CapsuleDbContext db, BundleStore bundles, TimeProvider time, ILogger<DemoContent> logger)
{
    /// <summary>The category demo programs are filed under.</summary>
    public const string DemoCategory = "tools/query-services";

    public async Task PublishAsync(string samplesDir, CancellationToken cancellationToken)
    {
        if (!Directory.Exists(samplesDir))
        {
            LogSamplesMissing(logger, samplesDir);
            return;
        }
        foreach (var dir in Directory.GetDirectories(samplesDir).Order(StringComparer.Ordinal))
        {
            var files = new DirectoryProjectFiles(dir);
            if (!files.Exists("app.json"))
            {
                continue;
            }
            var sample = Path.GetFileName(dir);
            var result = ProjectCompiler.Compile(files);
            if (result.Bundle is not { } bundle)
            {
                foreach (var diagnostic in result.Diagnostics)
                {
                    LogSampleError(logger, sample, diagnostic.ToString());
                }
                continue;
            }
            bundles.Save(bundle);
            await ReleaseAsync(AppId.FromSeed("demo:" + sample), Describe(files, dir), bundle.Id, cancellationToken);
            LogPublished(logger, sample, bundle.Id);
        }
    }

    private async Task ReleaseAsync(string appId, (string Name, string Description) about, string bundleId, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow().UtcDateTime;
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var program = await db.MiniPrograms.Include(p => p.ReleasedVersion).SingleOrDefaultAsync(p => p.AppId == appId, cancellationToken);
        if (program is null)
        {
            program = new MiniProgram { AppId = appId, Name = about.Name, NormalizedName = ProgramName.Normalize(about.Name), Category = DemoCategory, CreatedAt = now, IsDemo = true };
            db.MiniPrograms.Add(program);
        }
        program.Description = about.Description;
        program.Category = DemoCategory;
        await db.SaveChangesAsync(cancellationToken);
        if (program.ReleasedVersion?.BundleId != bundleId)
        {
            var version = new ProgramVersion { Number = "demo-" + bundleId[..8], BundleId = bundleId, State = VersionState.Released, CreatedAt = now, MiniProgramId = program.Id };
            db.ProgramVersions.Add(version);
            await db.SaveChangesAsync(cancellationToken);
            program.ReleasedVersion = version;
            await db.SaveChangesAsync(cancellationToken);
        }
        await transaction.CommitAsync(cancellationToken);
    }

    /// <summary>The display name is the app's navigation bar title, falling back to the folder name.</summary>
    private static (string Name, string Description) Describe(DirectoryProjectFiles files, string projectDir)
    {
        var name = Path.GetFileName(projectDir);
        var description = "";
        using (var app = JsonDocument.Parse(files.ReadText("app.json"), new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true }))
        {
            if (app.RootElement.TryGetProperty("window", out var window)
                && window.ValueKind == JsonValueKind.Object
                && window.TryGetProperty("navigationBarTitleText", out var title)
                && title.ValueKind == JsonValueKind.String
                && !string.IsNullOrWhiteSpace(title.GetString()))
            {
                name = title.GetString()!.Trim();
            }
        }
        var config = Path.Combine(projectDir, "project.config.json");
        if (File.Exists(config))
        {
            using var json = JsonDocument.Parse(File.ReadAllText(config), new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
            if (json.RootElement.TryGetProperty("description", out var text) && text.ValueKind == JsonValueKind.String)
            {
                description = text.GetString()!;
            }
        }
        return (name, description);
    }

    [LoggerMessage(EventId = 1001, Level = LogLevel.Warning, Message = "Demo samples folder {Folder} does not exist; no demo programs published")]
    private static partial void LogSamplesMissing(ILogger logger, string folder);

    [LoggerMessage(EventId = 1002, Level = LogLevel.Error, Message = "Demo sample {Sample} does not compile: {Diagnostic}")]
    private static partial void LogSampleError(ILogger logger, string sample, string diagnostic);

    [LoggerMessage(EventId = 1003, Level = LogLevel.Information, Message = "Demo sample {Sample} published as bundle {BundleId}")]
    private static partial void LogPublished(ILogger logger, string sample, string bundleId);
}
