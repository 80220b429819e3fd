using Capsule.Platform.MiniPrograms;
using Microsoft.EntityFrameworkCore;

namespace Capsule.Platform.Data;

/// <summary>
/// The platform's database. Each provider has its own subclass so each keeps its own migrations
/// (<see cref="SqliteCapsuleDbContext"/>, <see cref="PostgresCapsuleDbContext"/>).
/// </summary>
public abstract class CapsuleDbContext(DbContextOptions options) : DbContext(options)
{
    public DbSet<MiniProgram> MiniPrograms => Set<MiniProgram>();

    public DbSet<ProgramVersion> ProgramVersions => Set<ProgramVersion>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
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
