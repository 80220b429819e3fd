using Capsule.Platform.Accounts;
using Capsule.Platform.Chats;
using Capsule.Platform.Contacts;
using Capsule.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace Capsule.Platform.Moments;

public sealed record MomentCommentView(long Id, PublicUser Author, string Text, DateTime CreatedAt);

/// <summary>A post as one viewer sees it: likes and comments only from the viewer and the viewer's friends, as in WeChat.</summary>
public sealed record MomentView(
    long Id, PublicUser Author, string Text, IReadOnlyList<string> Images, DateTime CreatedAt,
    IReadOnlyList<PublicUser> Likes, bool LikedByMe, IReadOnlyList<MomentCommentView> Comments);

public sealed record MomentsPage(IReadOnlyList<MomentView> Moments, bool HasMore);

/// <summary>Posts, the feed of one's own and friends' posts, likes and comments. Only friends see each other's posts.</summary>
public sealed class MomentsFeed(CapsuleDbContext db, ContactBook contacts, TimeProvider time)
{
    public const int MaxText = 2000;
    public const int MaxImages = 9;
    public const int MaxComment = 500;

    public async Task<(MomentView? Moment, ChatRefusal? Refusal)> PostAsync(string userId, string? text, IReadOnlyList<string>? images, CancellationToken cancellationToken)
    {
        text = text?.Trim() ?? "";
        images ??= [];
        if (text.Length > MaxText || images.Count > MaxImages || (text.Length == 0 && images.Count == 0))
        {
            return (null, ChatRefusal.Invalid($"A Moment has text of at most {MaxText} characters and up to {MaxImages} images, and not nothing."));
        }
        if (images.Any(i => !Uri.TryCreate(i, UriKind.Absolute, out var uri) || uri.Scheme != Uri.UriSchemeHttps || i.Length > ChatLimits.MaxUrl))
        {
            return (null, ChatRefusal.Invalid($"Images are https URLs of at most {ChatLimits.MaxUrl} characters."));
        }
        var moment = new Moment { AuthorId = userId, Text = text, Images = [.. images], CreatedAt = time.GetUtcNow().UtcDateTime };
        db.Moments.Add(moment);
        await db.SaveChangesAsync(cancellationToken);
        return (await ViewAsync(userId, moment.Id, cancellationToken), null);
    }

    /// <summary>The viewer's and their friends' posts, newest first, <paramref name="limit"/> at a time before <paramref name="before"/>.</summary>
    public async Task<MomentsPage> FeedAsync(string userId, long? before, int limit, CancellationToken cancellationToken)
    {
        limit = Math.Clamp(limit, 1, 50);
        var end = before ?? long.MaxValue;
        var friends = contacts.Friends(userId);
        var ids = await db.Moments.AsNoTracking().Where(m => m.Id < end && (m.AuthorId == userId || friends.Contains(m.AuthorId)))
            .OrderByDescending(m => m.Id).Take(limit + 1).Select(m => m.Id).ToListAsync(cancellationToken);
        var views = await ViewsAsync(userId, [.. ids.Take(limit)], cancellationToken);
        return new MomentsPage(views, ids.Count > limit);
    }

    public async Task<(MomentView? Moment, ChatRefusal? Refusal)> LikeAsync(string userId, long id, bool like, CancellationToken cancellationToken)
    {
        if (!await VisibleAsync(userId, id, cancellationToken))
        {
            return (null, NoSuchMoment(id));
        }
        var existing = await db.MomentLikes.SingleOrDefaultAsync(l => l.MomentId == id && l.UserId == userId, cancellationToken);
        if (like && existing is null)
        {
            db.MomentLikes.Add(new MomentLike { MomentId = id, UserId = userId, At = time.GetUtcNow().UtcDateTime });
        }
        else if (!like && existing is not null)
        {
            db.MomentLikes.Remove(existing);
        }
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            db.ChangeTracker.Clear();
        }
        return (await ViewAsync(userId, id, cancellationToken), null);
    }

    public async Task<(MomentView? Moment, ChatRefusal? Refusal)> CommentAsync(string userId, long id, string? text, CancellationToken cancellationToken)
    {
        if (!await VisibleAsync(userId, id, cancellationToken))
        {
            return (null, NoSuchMoment(id));
        }
        text = text?.Trim() ?? "";
        if (text.Length is 0 or > MaxComment)
        {
            return (null, ChatRefusal.Invalid($"A comment has 1 to {MaxComment} characters."));
        }
        db.MomentComments.Add(new MomentComment { MomentId = id, AuthorId = userId, Text = text, CreatedAt = time.GetUtcNow().UtcDateTime });
        await db.SaveChangesAsync(cancellationToken);
        return (await ViewAsync(userId, id, cancellationToken), null);
    }

    public async Task<bool> DeleteAsync(string userId, long id, CancellationToken cancellationToken) =>
        await db.Moments.Where(m => m.Id == id && m.AuthorId == userId).ExecuteDeleteAsync(cancellationToken) > 0;

    private Task<bool> VisibleAsync(string userId, long id, CancellationToken cancellationToken)
    {
        var friends = contacts.Friends(userId);
        return db.Moments.AnyAsync(m => m.Id == id && (m.AuthorId == userId || friends.Contains(m.AuthorId)), cancellationToken);
    }

    private async Task<MomentView?> ViewAsync(string userId, long id, CancellationToken cancellationToken) =>
        (await ViewsAsync(userId, [id], cancellationToken)).SingleOrDefault();

    private async Task<IReadOnlyList<MomentView>> ViewsAsync(string userId, IReadOnlyList<long> ids, CancellationToken cancellationToken)
    {
        var circle = await contacts.Friends(userId).ToListAsync(cancellationToken);
        circle.Add(userId);
        var moments = await db.Moments.AsNoTracking().Where(m => ids.Contains(m.Id)).ToListAsync(cancellationToken);
        var likes = await db.MomentLikes.AsNoTracking().Where(l => ids.Contains(l.MomentId) && circle.Contains(l.UserId)).OrderBy(l => l.At).ToListAsync(cancellationToken);
        var comments = await db.MomentComments.AsNoTracking().Where(c => ids.Contains(c.MomentId) && circle.Contains(c.AuthorId)).OrderBy(c => c.Id).ToListAsync(cancellationToken);
        var people = moments.Select(m => m.AuthorId).Concat(likes.Select(l => l.UserId)).Concat(comments.Select(c => c.AuthorId)).Distinct().ToList();
        var users = await db.Users.AsNoTracking().Where(u => people.Contains(u.Id))
            .Select(u => new PublicUser(u.Id, u.Handle, u.Nickname, u.AvatarUrl)).ToDictionaryAsync(u => u.Id, cancellationToken);
        return [.. moments.OrderByDescending(m => m.Id).Select(m => new MomentView(
            m.Id, users[m.AuthorId], m.Text, m.Images, m.CreatedAt,
            [.. likes.Where(l => l.MomentId == m.Id).Select(l => users[l.UserId])],
            likes.Any(l => l.MomentId == m.Id && l.UserId == userId),
            [.. comments.Where(c => c.MomentId == m.Id).Select(c => new MomentCommentView(c.Id, users[c.AuthorId], c.Text, c.CreatedAt))]))];
    }

    private static ChatRefusal NoSuchMoment(long id) => new(404, "No such Moment", $"There is no Moment {id} that you can see.");

    public static void Configure(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<Moment>(moment =>
        {
            moment.Property(m => m.Text).HasMaxLength(MaxText);
            moment.HasIndex(m => new { m.AuthorId, m.Id });
            moment.HasOne<CapsuleUser>().WithMany().HasForeignKey(m => m.AuthorId).OnDelete(DeleteBehavior.Cascade);
            moment.HasMany(m => m.Likes).WithOne().HasForeignKey(l => l.MomentId).OnDelete(DeleteBehavior.Cascade);
            moment.HasMany(m => m.Comments).WithOne().HasForeignKey(c => c.MomentId).OnDelete(DeleteBehavior.Cascade);
        });
        modelBuilder.Entity<MomentLike>(like =>
        {
            like.HasKey(l => new { l.MomentId, l.UserId });
            like.HasOne<CapsuleUser>().WithMany().HasForeignKey(l => l.UserId).OnDelete(DeleteBehavior.Cascade);
        });
        modelBuilder.Entity<MomentComment>(comment =>
        {
            comment.Property(c => c.Text).HasMaxLength(MaxComment);
            comment.HasIndex(c => c.MomentId);
            comment.HasOne<CapsuleUser>().WithMany().HasForeignKey(c => c.AuthorId).OnDelete(DeleteBehavior.Cascade);
        });
    }
}
