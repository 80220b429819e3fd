using Capsule.Platform.Accounts;
using Capsule.Platform.MiniPrograms;
using Microsoft.EntityFrameworkCore;

namespace Capsule.Platform.Discovery;

/// <summary>
/// One person's relation to one mini program, as the Discover bar shows it: when they last used it (null once
/// removed from the recent list), its place in My Mini Programs, and whether it is displayed on top of Chats.
/// A row is made at the first launch and kept, so "has used a mini program" survives removals.
/// </summary>
public sealed class UserProgram
{
    public required string UserId { get; set; }

    public long MiniProgramId { get; set; }

    public MiniProgram? MiniProgram { get; set; }

    public DateTime? LastUsedAt { get; set; }

    /// <summary>The position in My Mini Programs (0 first), or null when not added.</summary>
    public int? MineOrder { get; set; }

    /// <summary>When it was displayed on top of Chats, or null when it is not.</summary>
    public DateTime? PinnedAt { get; set; }

    public static void Configure(ModelBuilder modelBuilder) => modelBuilder.Entity<UserProgram>(entry =>
    {
        entry.HasKey(u => new { u.UserId, u.MiniProgramId });
        entry.HasOne<CapsuleUser>().WithMany().HasForeignKey(u => u.UserId).OnDelete(DeleteBehavior.Cascade);
        entry.HasOne(u => u.MiniProgram).WithMany().HasForeignKey(u => u.MiniProgramId).OnDelete(DeleteBehavior.Cascade);
    });
}
