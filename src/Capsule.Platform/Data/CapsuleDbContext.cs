using Capsule.Platform.Accounts;
using Capsule.Platform.MiniPrograms;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace Capsule.Platform.Data;

/// <summary>
/// The platform's database. Each provider has its own subclass so each keeps its own migrations
/// (<see cref="SqliteCapsuleDbContext"/>, <see cref="PostgresCapsuleDbContext"/>).
/// </summary>
public abstract class CapsuleDbContext(DbContextOptions options) : IdentityDbContext<CapsuleUser>(options)
{
    public DbSet<PersonalAccessToken> PersonalAccessTokens => Set<PersonalAccessToken>();

    public DbSet<MiniProgram> MiniPrograms => Set<MiniProgram>();

    public DbSet<ProgramVersion> ProgramVersions => Set<ProgramVersion>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        base.OnModelCreating(modelBuilder);
        modelBuilder.Entity<CapsuleUser>(user =>
        {
            user.Property(u => u.Nickname).HasMaxLength(64);
            user.Property(u => u.AvatarUrl).HasMaxLength(512);
        });
        modelBuilder.Entity<PersonalAccessToken>(token =>
        {
            token.Property(t => t.Name).HasMaxLength(64);
            token.Property(t => t.Prefix).HasMaxLength(16);
            token.Property(t => t.SecretHash).HasMaxLength(64);
            token.HasIndex(t => t.SecretHash).IsUnique();
            token.HasOne(t => t.User).WithMany().HasForeignKey(t => t.UserId).OnDelete(DeleteBehavior.Cascade);
        });
        modelBuilder.Entity<MiniProgram>(program =>
        {
            program.Property(p => p.AppId).HasMaxLength(18);
            program.HasIndex(p => p.AppId).IsUnique();
            program.Property(p => p.Name).HasMaxLength(64);
            program.Property(p => p.NormalizedName).HasMaxLength(64);
            program.HasIndex(p => p.NormalizedName).IsUnique();
            program.Property(p => p.Description).HasMaxLength(512);
            program.HasMany(p => p.Versions).WithOne(v => v.MiniProgram).HasForeignKey(v => v.MiniProgramId);
            program.HasOne(p => p.ReleasedVersion).WithMany().HasForeignKey(p => p.ReleasedVersionId).OnDelete(DeleteBehavior.Restrict);
        });
        modelBuilder.Entity<ProgramVersion>(version =>
        {
            version.Property(v => v.Number).HasMaxLength(32);
            version.Property(v => v.Notes).HasMaxLength(2048);
            version.Property(v => v.BundleId).HasMaxLength(32);
        });
    }
}
