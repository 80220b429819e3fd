using Capsule.Platform.Accounts;
using Capsule.Platform.MiniPrograms;
using Microsoft.EntityFrameworkCore;

namespace Capsule.Platform.Identity;

/// <summary>
/// A user as one mini program knows them: an openid that is random (so unguessable, and unrelated across
/// programs) and stable, and the session that <c>wx.login</c> starts and <c>wx.checkSession</c> checks.
/// </summary>
public sealed class ProgramUser
{
    public long MiniProgramId { get; set; }

    public required string UserId { get; set; }

    /// <summary>28 URL-safe characters, like WeChat's.</summary>
    public required string OpenId { get; set; }

    /// <summary>The session key jscode2session hands the program's backend; a new one at each login.</summary>
    public required string SessionKey { get; set; }

    public DateTime SessionExpiresAt { get; set; }

    public static void Configure(ModelBuilder modelBuilder) => modelBuilder.Entity<ProgramUser>(user =>
    {
        user.HasKey(u => new { u.MiniProgramId, u.UserId });
        user.Property(u => u.OpenId).HasMaxLength(28);
        user.HasIndex(u => u.OpenId).IsUnique();
        user.Property(u => u.SessionKey).HasMaxLength(24);
        user.HasOne<MiniProgram>().WithMany().HasForeignKey(u => u.MiniProgramId).OnDelete(DeleteBehavior.Cascade);
        user.HasOne<CapsuleUser>().WithMany().HasForeignKey(u => u.UserId).OnDelete(DeleteBehavior.Cascade);
    });
}
