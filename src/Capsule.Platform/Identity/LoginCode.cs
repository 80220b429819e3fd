using Capsule.Platform.MiniPrograms;
using Microsoft.EntityFrameworkCore;

namespace Capsule.Platform.Identity;

/// <summary>A code from <c>wx.login</c>: good for one exchange at jscode2session within five minutes. Only its hash is stored.</summary>
public sealed class LoginCode
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(5);

    public required string CodeHash { get; set; }

    public long MiniProgramId { get; set; }

    public required string UserId { get; set; }

    public DateTime ExpiresAt { get; set; }

    public DateTime? UsedAt { get; set; }

    public static void Configure(ModelBuilder modelBuilder) => modelBuilder.Entity<LoginCode>(code =>
    {
        code.HasKey(c => c.CodeHash);
        code.Property(c => c.CodeHash).HasMaxLength(64);
        code.HasIndex(c => c.ExpiresAt);
        code.HasOne<MiniProgram>().WithMany().HasForeignKey(c => c.MiniProgramId).OnDelete(DeleteBehavior.Cascade);
    });
}
