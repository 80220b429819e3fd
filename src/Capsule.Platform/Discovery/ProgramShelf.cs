using Capsule.Platform.Data;
using Capsule.Platform.MiniPrograms;
using Microsoft.EntityFrameworkCore;

namespace Capsule.Platform.Discovery;

/// <summary>A program as the Discover bar lists it.</summary>
public sealed record ShelfEntry(string AppId, string Name, string Description, string? IconUrl);

/// <summary>Everything the Discover bar and the pull-down panel show for one person.</summary>
public sealed record Shelf(bool HasUsedPrograms, IReadOnlyList<ShelfEntry> Recent, IReadOnlyList<ShelfEntry> Mine, IReadOnlyList<ShelfEntry> Pinned);

/// <summary>
/// A person's recently used programs, My Mini Programs (in their order) and the programs displayed on top of Chats.
/// Only released programs are listed; every change is one SaveChanges.
/// </summary>
public sealed class ProgramShelf(CapsuleDbContext db, TimeProvider time)
{
    public const int MaxRecent = 20;
    public const int MaxMine = 50;
    public const int MaxPinned = 5;

    /// <summary>Notes a launch; the caller's SaveChanges (the one that records the visit) stores it.</summary>
    public async Task RecordLaunchAsync(string userId, long programId, CancellationToken cancellationToken)
    {
        var entry = await FindOrAddAsync(userId, programId, cancellationToken);
        entry.LastUsedAt = time.GetUtcNow().UtcDateTime;
    }

    public async Task<Shelf> ReadAsync(string userId, CancellationToken cancellationToken)
    {
        var rows = await db.UserPrograms.AsNoTracking()
            .Where(u => u.UserId == userId)
            .Select(u => new { u.LastUsedAt, u.MineOrder, u.PinnedAt, u.MiniProgram!.ReleasedVersionId, Entry = new ShelfEntry(u.MiniProgram.AppId, u.MiniProgram.Name, u.MiniProgram.Description, u.MiniProgram.IconUrl) })
            .ToListAsync(cancellationToken);
        var listed = rows.Where(r => r.ReleasedVersionId is not null).ToList();
        return new Shelf(
            rows.Count > 0,
            [.. listed.Where(r => r.LastUsedAt is not null).OrderByDescending(r => r.LastUsedAt).Take(MaxRecent).Select(r => r.Entry)],
            [.. listed.Where(r => r.MineOrder is not null).OrderBy(r => r.MineOrder).Select(r => r.Entry)],
            [.. listed.Where(r => r.PinnedAt is not null).OrderBy(r => r.PinnedAt).Select(r => r.Entry)]);
    }

    /// <summary>Adds a released program to the end of My Mini Programs (no change when it is there); false when the list is full.</summary>
    public async Task<bool> AddToMineAsync(string userId, MiniProgram program, CancellationToken cancellationToken)
    {
        var entry = await FindOrAddAsync(userId, program.Id, cancellationToken);
        if (entry.MineOrder is null)
        {
            var orders = await db.UserPrograms.Where(u => u.UserId == userId && u.MineOrder != null).Select(u => u.MineOrder!.Value).ToListAsync(cancellationToken);
            if (orders.Count >= MaxMine)
            {
                return false;
            }
            entry.MineOrder = orders.Count == 0 ? 0 : orders.Max() + 1;
        }
        await db.SaveChangesAsync(cancellationToken);
        return true;
    }

    public async Task RemoveFromMineAsync(string userId, MiniProgram program, CancellationToken cancellationToken) =>
        await ChangeAsync(userId, program, e => e.MineOrder = null, cancellationToken);

    public async Task ForgetRecentAsync(string userId, MiniProgram program, CancellationToken cancellationToken) =>
        await ChangeAsync(userId, program, e => e.LastUsedAt = null, cancellationToken);

    /// <summary>Displays a program on top of Chats; false when <see cref="MaxPinned"/> already are.</summary>
    public async Task<bool> PinAsync(string userId, MiniProgram program, CancellationToken cancellationToken)
    {
        var entry = await FindOrAddAsync(userId, program.Id, cancellationToken);
        if (entry.PinnedAt is null)
        {
            if (await db.UserPrograms.CountAsync(u => u.UserId == userId && u.PinnedAt != null, cancellationToken) >= MaxPinned)
            {
                return false;
            }
            entry.PinnedAt = time.GetUtcNow().UtcDateTime;
        }
        await db.SaveChangesAsync(cancellationToken);
        return true;
    }

    public async Task UnpinAsync(string userId, MiniProgram program, CancellationToken cancellationToken) =>
        await ChangeAsync(userId, program, e => e.PinnedAt = null, cancellationToken);

    /// <summary>
    /// Puts My Mini Programs in the order of <paramref name="appIds"/>, which must name exactly the programs in it;
    /// false (and no change) otherwise.
    /// </summary>
    public async Task<bool> ReorderMineAsync(string userId, IReadOnlyList<string> appIds, CancellationToken cancellationToken)
    {
        var mine = await db.UserPrograms.Include(u => u.MiniProgram)
            .Where(u => u.UserId == userId && u.MineOrder != null)
            .ToListAsync(cancellationToken);
        var byAppId = mine.ToDictionary(u => u.MiniProgram!.AppId, StringComparer.Ordinal);
        if (appIds.Count != mine.Count || appIds.Distinct(StringComparer.Ordinal).Count() != appIds.Count || !appIds.All(byAppId.ContainsKey))
        {
            return false;
        }
        for (var i = 0; i < appIds.Count; i++)
        {
            byAppId[appIds[i]].MineOrder = i;
        }
        await db.SaveChangesAsync(cancellationToken);
        return true;
    }

    private async Task ChangeAsync(string userId, MiniProgram program, Action<UserProgram> change, CancellationToken cancellationToken)
    {
        var entry = await db.UserPrograms.SingleOrDefaultAsync(u => u.UserId == userId && u.MiniProgramId == program.Id, cancellationToken);
        if (entry is not null)
        {
            change(entry);
            await db.SaveChangesAsync(cancellationToken);
        }
    }

    private async Task<UserProgram> FindOrAddAsync(string userId, long programId, CancellationToken cancellationToken)
    {
        var entry = await db.UserPrograms.SingleOrDefaultAsync(u => u.UserId == userId && u.MiniProgramId == programId, cancellationToken);
        if (entry is null)
        {
            entry = new UserProgram { UserId = userId, MiniProgramId = programId };
            db.Add(entry);
        }
        return entry;
    }
}
