using Capsule.Platform.MiniPrograms;
using Microsoft.EntityFrameworkCore;

namespace Capsule.Platform.Payments;

/// <summary>
/// An order a program's backend created for one of its users (WeChat's unified order). No money moves:
/// Capsule is the payment provider of record in this demo, and paying only marks the order paid.
/// </summary>
public sealed class PaymentOrder
{
    public long Id { get; set; }

    public long MiniProgramId { get; set; }

    /// <summary>The backend's own order number, unique within the program.</summary>
    public required string OutTradeNo { get; set; }

    public required string PrepayId { get; set; }

    /// <summary>Who may pay it: the user behind the openid the backend gave.</summary>
    public required string UserId { get; set; }

    public required string OpenId { get; set; }

    /// <summary>In fen (hundredths of a yuan), as WeChat's <c>total</c>.</summary>
    public int Amount { get; set; }

    public required string Description { get; set; }

    public required string TimeStamp { get; set; }

    public required string NonceStr { get; set; }

    public required string PaySign { get; set; }

    public DateTime CreatedAt { get; set; }

    public DateTime? PaidAt { get; set; }

    public static void Configure(ModelBuilder modelBuilder) => modelBuilder.Entity<PaymentOrder>(order =>
    {
        order.Property(o => o.OutTradeNo).HasMaxLength(32);
        order.HasIndex(o => new { o.MiniProgramId, o.OutTradeNo }).IsUnique();
        order.Property(o => o.PrepayId).HasMaxLength(40);
        order.HasIndex(o => o.PrepayId).IsUnique();
        order.Property(o => o.OpenId).HasMaxLength(28);
        order.Property(o => o.Description).HasMaxLength(128);
        order.Property(o => o.TimeStamp).HasMaxLength(16);
        order.Property(o => o.NonceStr).HasMaxLength(32);
        order.Property(o => o.PaySign).HasMaxLength(64);
        order.HasOne<MiniProgram>().WithMany().HasForeignKey(o => o.MiniProgramId).OnDelete(DeleteBehavior.Cascade);
        order.HasOne<Accounts.CapsuleUser>().WithMany().HasForeignKey(o => o.UserId).OnDelete(DeleteBehavior.Cascade);
    });
}
