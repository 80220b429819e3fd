using Capsule.Network;
using Capsule.Platform.MiniPrograms;
using Microsoft.EntityFrameworkCore;

namespace Capsule.Platform.Network;

/// <summary>One entry of a program's server domain lists: an HTTPS origin its code may call for one kind of call.</summary>
public sealed class ServerDomain
{
    public long MiniProgramId { get; set; }

    public DomainKind Kind { get; set; }

    /// <summary><c>https://host</c> or <c>https://host:port</c>, lower case (<see cref="DomainRules.Normalize"/>).</summary>
    public required string Origin { get; set; }

    public static void Configure(ModelBuilder modelBuilder) => modelBuilder.Entity<ServerDomain>(domain =>
    {
        domain.HasKey(d => new { d.MiniProgramId, d.Kind, d.Origin });
        domain.Property(d => d.Kind).HasConversion<string>().HasMaxLength(16);
        domain.Property(d => d.Origin).HasMaxLength(270);
        domain.HasOne<MiniProgram>().WithMany().HasForeignKey(d => d.MiniProgramId).OnDelete(DeleteBehavior.Cascade);
    });
}
