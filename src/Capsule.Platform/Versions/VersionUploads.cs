using System.Text.RegularExpressions;
using Capsule.Compiler;
using Capsule.Platform.Bundles;
using Capsule.Platform.Data;
using Capsule.Platform.MiniPrograms;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Capsule.Platform.Versions;

/// <summary>The outcome of an upload: the new version, or why there is none (nothing is kept in that case).</summary>
public sealed record UploadResult(ProgramVersion? Version, string? Problem, IReadOnlyList<string>? CompileErrors, bool NumberTaken);

/// <summary>Turns an uploaded package into a development version: read safely, compile, store the bundle, record it.</summary>
public sealed partial class VersionUploads(CapsuleDbContext db, BundleStore bundles, IOptions<UploadLimits> limits, TimeProvider time)
{
    public const int MaxNotes = 2048;

    public async Task<UploadResult> UploadAsync(MiniProgram program, string userId, string number, string? notes, byte[] package, CancellationToken cancellationToken)
    {
        if (!NumberPattern().IsMatch(number ?? ""))
        {
            return new UploadResult(null, "The version must look like 1.0.0 (digits, with an optional -suffix).", null, false);
        }
        if ((notes?.Length ?? 0) > MaxNotes)
        {
            return new UploadResult(null, $"Version notes have at most {MaxNotes} characters.", null, false);
        }
        if (await db.ProgramVersions.AnyAsync(v => v.MiniProgramId == program.Id && v.Number == number, cancellationToken))
        {
            return new UploadResult(null, null, null, true);
        }
        var (files, config, problem) = PackageReader.Read(package, limits.Value);
        if (files is null)
        {
            return new UploadResult(null, problem, null, false);
        }
        var compiled = ProjectCompiler.Compile(files);
        if (compiled.Bundle is not { } bundle)
        {
            var errors = compiled.Diagnostics.Where(d => d.Severity == Compiler.Diagnostics.Severity.Error).Select(d => d.ToString()).ToList();
            return new UploadResult(null, null, errors, false);
        }
        bundles.Save(bundle);
        var version = new ProgramVersion
        {
            MiniProgramId = program.Id,
            Number = number!,
            Notes = notes?.Trim() ?? "",
            BundleId = bundle.Id,
            State = VersionState.Development,
            MinBaseLibrary = config.LibVersion,
            UploadedById = userId,
            CreatedAt = time.GetUtcNow().UtcDateTime,
        };
        db.ProgramVersions.Add(version);
        await db.SaveChangesAsync(cancellationToken);
        return new UploadResult(version, null, null, false);
    }

    [GeneratedRegex(@"^\d{1,5}\.\d{1,5}\.\d{1,5}(-[0-9A-Za-z.-]{1,20})?$")]
    private static partial Regex NumberPattern();
}
