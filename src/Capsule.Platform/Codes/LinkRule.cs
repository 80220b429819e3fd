using Capsule.Platform.MiniPrograms;
using Microsoft.EntityFrameworkCore;

namespace Capsule.Platform.Codes;

/// <summary>
/// One of a program's rules for ordinary link QR codes (WeChat's "扫普通链接二维码打开小程序"): a code holding an
/// address under <see cref="Prefix"/> opens the program at <see cref="Page"/> once the rule is released.
/// </summary>
public sealed class LinkRule
{
    public long Id { get; set; }

    public long MiniProgramId { get; set; }

    /// <summary>The prefix as <see cref="LinkPrefix.Text"/> writes it; unique across all programs.</summary>
    public required string Prefix { get; set; }

    /// <summary>The prefix's origin, by which a scanned address finds its candidate rules.</summary>
    public required string Origin { get; set; }

    /// <summary>The page it opens, such as <c>pages/product/product</c>.</summary>
    public required string Page { get; set; }

    /// <summary>Whether it opens the released program for everyone; a rule not released opens nothing.</summary>
    public bool Released { get; set; }

    public DateTime CreatedAt { get; set; }

    public static void Configure(ModelBuilder modelBuilder) => modelBuilder.Entity<LinkRule>(rule =>
    {
        rule.Property(r => r.Prefix).HasMaxLength(LinkPrefix.MaxLength);
        rule.HasIndex(r => r.Prefix).IsUnique();
        rule.Property(r => r.Origin).HasMaxLength(270);
        rule.HasIndex(r => r.Origin);
        rule.Property(r => r.Page).HasMaxLength(LinkRules.MaxPage);
        rule.HasOne<MiniProgram>().WithMany().HasForeignKey(r => r.MiniProgramId).OnDelete(DeleteBehavior.Cascade);
    });
}
