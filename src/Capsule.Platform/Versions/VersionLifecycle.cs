using Capsule.Platform.Data;
using Capsule.Platform.MiniPrograms;
using Microsoft.EntityFrameworkCore;

namespace Capsule.Platform.Versions;

/// <summary>A refused lifecycle step: the HTTP status that fits and a sentence saying why.</summary>
public sealed record LifecycleRefusal(int Status, string Reason);

/// <summary>
/// Moves versions through their lifecycle: trial, review, release (whole or phased), rollback. Each step checks
/// the state it starts from; who may take it is checked by the caller (members, reviewers, the owner).
/// </summary>
public sealed class VersionLifecycle(CapsuleDbContext db)
{
    public const int MaxReason = 1024;

    public Task<ProgramVersion?> FindAsync(MiniProgram program, long id, CancellationToken cancellationToken) =>
        db.ProgramVersions.SingleOrDefaultAsync(v => v.MiniProgramId == program.Id && v.Id == id, cancellationToken);

    public Task<List<ProgramVersion>> ListAsync(MiniProgram program, CancellationToken cancellationToken) =>
        db.ProgramVersions.AsNoTracking().Where(v => v.MiniProgramId == program.Id).OrderByDescending(v => v.Id).ToListAsync(cancellationToken);

    /// <summary>Makes this the trial version; a previous trial version goes back to development.</summary>
    public async Task<LifecycleRefusal?> MarkTrialAsync(MiniProgram program, ProgramVersion version, CancellationToken cancellationToken)
    {
        if (version.State is not (VersionState.Development or VersionState.Trial))
        {
            return Conflict(version, "only a development version can become the trial version");
        }
        await db.ProgramVersions.Where(v => v.MiniProgramId == program.Id && v.State == VersionState.Trial && v.Id != version.Id)
            .ExecuteUpdateAsync(s => s.SetProperty(v => v.State, VersionState.Development), cancellationToken);
        version.State = VersionState.Trial;
        await db.SaveChangesAsync(cancellationToken);
        return null;
    }

    public async Task<LifecycleRefusal?> SubmitAsync(ProgramVersion version, CancellationToken cancellationToken)
    {
        if (version.State is not (VersionState.Development or VersionState.Trial or VersionState.Rejected))
        {
            return Conflict(version, "only a development, trial or rejected version can be submitted for review");
        }
        version.State = VersionState.InReview;
        version.ReviewNote = null;
        await db.SaveChangesAsync(cancellationToken);
        return null;
    }

    /// <summary>A reviewer's decision; a rejection needs a reason.</summary>
    public async Task<LifecycleRefusal?> ReviewAsync(ProgramVersion version, string reviewerId, bool approve, string? reason, CancellationToken cancellationToken)
    {
        if (version.State != VersionState.InReview)
        {
            return Conflict(version, "only a version in review can be approved or rejected");
        }
        var note = reason?.Trim() ?? "";
        if (!approve && note.Length is 0 or > MaxReason)
        {
            return new LifecycleRefusal(400, $"A rejection needs a reason of 1 to {MaxReason} characters.");
        }
        version.State = approve ? VersionState.Approved : VersionState.Rejected;
        version.ReviewNote = approve ? null : note;
        version.ReviewedById = reviewerId;
        await db.SaveChangesAsync(cancellationToken);
        return null;
    }

    /// <summary>
    /// Releases an approved version to everyone (100) or phases it in for a percentage of users; calling again
    /// on the phased version raises the percentage, and 100 completes the release.
    /// </summary>
    public async Task<LifecycleRefusal?> ReleaseAsync(MiniProgram program, ProgramVersion version, int percentage, CancellationToken cancellationToken)
    {
        if (percentage is < 1 or > 100)
        {
            return new LifecycleRefusal(400, "The release percentage is from 1 to 100.");
        }
        var phased = program.PhasedVersionId == version.Id;
        if (!phased && version.State != VersionState.Approved)
        {
            return Conflict(version, "only an approved version can be released");
        }
        if (phased && percentage < program.PhasedPercentage)
        {
            return new LifecycleRefusal(409, $"The phased release is at {program.PhasedPercentage}%; it can only be raised.");
        }
        if (percentage < 100)
        {
            if (!phased && program.PhasedVersionId is { } other)
            {
                await db.ProgramVersions.Where(v => v.Id == other).ExecuteUpdateAsync(s => s.SetProperty(v => v.State, VersionState.Approved), cancellationToken);
            }
            version.State = VersionState.Released;
            program.PhasedVersionId = version.Id;
            program.PhasedPercentage = percentage;
        }
        else
        {
            await SupersedeAsync(program.ReleasedVersionId, cancellationToken);
            version.State = VersionState.Released;
            program.PreviousReleasedVersionId = program.ReleasedVersionId;
            program.ReleasedVersionId = version.Id;
            program.PhasedVersionId = null;
            program.PhasedPercentage = 0;
        }
        await db.SaveChangesAsync(cancellationToken);
        return null;
    }

    /// <summary>Stops a phased release, or returns everyone to the previous release.</summary>
    public async Task<LifecycleRefusal?> RollbackAsync(MiniProgram program, CancellationToken cancellationToken)
    {
        if (program.PhasedVersionId is { } phased)
        {
            await db.ProgramVersions.Where(v => v.Id == phased).ExecuteUpdateAsync(s => s.SetProperty(v => v.State, VersionState.Superseded), cancellationToken);
            program.PhasedVersionId = null;
            program.PhasedPercentage = 0;
        }
        else if (program.PreviousReleasedVersionId is { } previous)
        {
            await SupersedeAsync(program.ReleasedVersionId, cancellationToken);
            await db.ProgramVersions.Where(v => v.Id == previous).ExecuteUpdateAsync(s => s.SetProperty(v => v.State, VersionState.Released), cancellationToken);
            program.ReleasedVersionId = previous;
            program.PreviousReleasedVersionId = null;
        }
        else
        {
            return new LifecycleRefusal(409, $"{program.Name} has no earlier release to roll back to.");
        }
        await db.SaveChangesAsync(cancellationToken);
        return null;
    }

    /// <summary>Whether a user is among the first <paramref name="percentage"/>% for this program: the same answer every time.</summary>
    public static bool InPhase(string appId, string userKey, int percentage)
    {
        var hash = System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes($"{appId}:{userKey}"));
        return BitConverter.ToUInt32(hash, 0) % 100 < (uint)percentage;
    }

    private Task SupersedeAsync(long? versionId, CancellationToken cancellationToken) =>
        versionId is { } id
            ? db.ProgramVersions.Where(v => v.Id == id).ExecuteUpdateAsync(s => s.SetProperty(v => v.State, VersionState.Superseded), cancellationToken)
            : Task.CompletedTask;

    private static LifecycleRefusal Conflict(ProgramVersion version, string rule) =>
        new(409, $"Version {version.Number} is {version.State.ToString().ToLowerInvariant()}: {rule}.");
}
