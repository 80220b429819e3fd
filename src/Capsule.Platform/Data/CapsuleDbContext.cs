using Capsule.Platform.Accounts;
using Capsule.Platform.Analytics;
using Capsule.Platform.Chats;
using Capsule.Platform.Codes;
using Capsule.Platform.Contacts;
using Capsule.Platform.Identity;
using Capsule.Platform.MiniPrograms;
using Capsule.Platform.Moments;
using Capsule.Platform.Network;
using Capsule.Platform.Payments;
using Capsule.Platform.Registry;
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

    public DbSet<ProgramMember> ProgramMembers => Set<ProgramMember>();

    public DbSet<Visit> Visits => Set<Visit>();

    public DbSet<Contact> Contacts => Set<Contact>();

    public DbSet<Conversation> Conversations => Set<Conversation>();

    public DbSet<ConversationMember> ConversationMembers => Set<ConversationMember>();

    public DbSet<ChatMessage> ChatMessages => Set<ChatMessage>();

    public DbSet<Moment> Moments => Set<Moment>();

    public DbSet<MomentLike> MomentLikes => Set<MomentLike>();

    public DbSet<MomentComment> MomentComments => Set<MomentComment>();

    public DbSet<ServerDomain> ServerDomains => Set<ServerDomain>();

    public DbSet<ProgramUser> ProgramUsers => Set<ProgramUser>();

    public DbSet<LoginCode> LoginCodes => Set<LoginCode>();

    public DbSet<PaymentOrder> PaymentOrders => Set<PaymentOrder>();

    public DbSet<Discovery.UserProgram> UserPrograms => Set<Discovery.UserProgram>();

    public DbSet<Discovery.ProgramFeedback> ProgramFeedback => Set<Discovery.ProgramFeedback>();

    public DbSet<LinkRule> LinkRules => Set<LinkRule>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        base.OnModelCreating(modelBuilder);
        ConfigureSocial(modelBuilder);
        ServerDomain.Configure(modelBuilder);
        ProgramUser.Configure(modelBuilder);
        LoginCode.Configure(modelBuilder);
        PaymentOrder.Configure(modelBuilder);
        Discovery.UserProgram.Configure(modelBuilder);
        Discovery.ProgramFeedback.Configure(modelBuilder);
        LinkRule.Configure(modelBuilder);
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
            program.Property(p => p.Category).HasMaxLength(96);
            program.Property(p => p.IconUrl).HasMaxLength(512);
            program.Property(p => p.AppSecretHash).HasMaxLength(64);
            program.HasOne<CapsuleUser>().WithMany().HasForeignKey(p => p.OwnerId).OnDelete(DeleteBehavior.Restrict);
            program.HasMany(p => p.Versions).WithOne(v => v.MiniProgram).HasForeignKey(v => v.MiniProgramId);
            program.HasOne(p => p.ReleasedVersion).WithMany().HasForeignKey(p => p.ReleasedVersionId).OnDelete(DeleteBehavior.Restrict);
            program.HasOne<ProgramVersion>().WithMany().HasForeignKey(p => p.PreviousReleasedVersionId).OnDelete(DeleteBehavior.Restrict);
            program.HasOne<ProgramVersion>().WithMany().HasForeignKey(p => p.PhasedVersionId).OnDelete(DeleteBehavior.Restrict);
        });
        modelBuilder.Entity<ProgramMember>(member =>
        {
            member.HasKey(m => new { m.MiniProgramId, m.UserId });
            member.Property(m => m.Role).HasMaxLength(16);
            member.HasOne(m => m.MiniProgram).WithMany(p => p.Members).HasForeignKey(m => m.MiniProgramId).OnDelete(DeleteBehavior.Cascade);
            member.HasOne(m => m.User).WithMany().HasForeignKey(m => m.UserId).OnDelete(DeleteBehavior.Cascade);
        });
        modelBuilder.Entity<Visit>(visit =>
        {
            visit.Property(v => v.Path).HasMaxLength(1024);
            visit.HasIndex(v => new { v.MiniProgramId, v.At });
            visit.HasOne<MiniProgram>().WithMany().HasForeignKey(v => v.MiniProgramId).OnDelete(DeleteBehavior.Cascade);
        });
        modelBuilder.Entity<ProgramVersion>(version =>
        {
            version.Property(v => v.Number).HasMaxLength(32);
            version.Property(v => v.Notes).HasMaxLength(2048);
            version.Property(v => v.BundleId).HasMaxLength(32);
            version.Property(v => v.State).HasConversion<string>().HasMaxLength(16);
            version.Property(v => v.ReviewNote).HasMaxLength(1024);
            version.Property(v => v.MinBaseLibrary).HasMaxLength(32);
            version.HasOne<CapsuleUser>().WithMany().HasForeignKey(v => v.ReviewedById).OnDelete(DeleteBehavior.SetNull);
            version.HasIndex(v => new { v.MiniProgramId, v.Number }).IsUnique();
            version.HasOne<CapsuleUser>().WithMany().HasForeignKey(v => v.UploadedById).OnDelete(DeleteBehavior.SetNull);
        });
    }

    private static void ConfigureSocial(ModelBuilder modelBuilder)
    {
        ContactBook.Configure(modelBuilder);
        Chats.Conversations.Configure(modelBuilder);
        MomentsFeed.Configure(modelBuilder);
    }
}
