using Capsule.Platform.Accounts;
using Capsule.Platform.MiniPrograms;
using Microsoft.EntityFrameworkCore;

namespace Capsule.Platform.Discovery;

/// <summary>Feedback a user sent from a program's capsule menu; the program's team reads it.</summary>
public sealed class ProgramFeedback
{
    public const int MaxText = 2000;

    public long Id { get; set; }

    public long MiniProgramId { get; set; }

    public string? UserId { get; set; }

    public required string Text { get; set; }

    public DateTime At { get; set; }

    public static void Configure(ModelBuilder modelBuilder) => modelBuilder.Entity<ProgramFeedback>(feedback =>
    {
        feedback.Property(f => f.Text).HasMaxLength(MaxText);
        feedback.HasIndex(f => new { f.MiniProgramId, f.At });
        feedback.HasOne<MiniProgram>().WithMany().HasForeignKey(f => f.MiniProgramId).OnDelete(DeleteBehavior.Cascade);
        feedback.HasOne<CapsuleUser>().WithMany().HasForeignKey(f => f.UserId).OnDelete(DeleteBehavior.SetNull);
    });
}
