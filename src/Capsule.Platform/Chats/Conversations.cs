using System.Linq.Expressions;
using Capsule.Platform.Accounts;
using Capsule.Platform.Contacts;
using Capsule.Platform.Data;
using Capsule.Platform.Registry;
using Microsoft.EntityFrameworkCore;

namespace Capsule.Platform.Chats;

/// <summary>
/// 1:1 and group chats: who is in them, their messages, unread counts and share tickets. Only members can read or send;
/// everything else gets "no such chat", so non-members learn nothing, not even that the chat exists.
/// </summary>
public sealed class Conversations(CapsuleDbContext db, ContactBook contacts, TimeProvider time)
{
    private static readonly Expression<Func<ChatMessage, MessageView>> s_view = m => new MessageView(
        m.Id, m.ConversationId, m.SenderId, m.Sender!.Nickname, m.Kind == MessageKind.Card ? "card" : "text", m.Text,
        m.Kind == MessageKind.Card
            ? new CardView(m.CardAppId!, m.CardName!, m.CardIconUrl, m.CardTitle!, m.CardPath!, m.CardImageUrl, m.ShareTicket)
            : null,
        m.SentAt, m.ClientId);

    private IQueryable<ConversationMember> Membership(string userId, long conversationId) =>
        db.ConversationMembers.Where(m => m.UserId == userId && m.ConversationId == conversationId);

    public Task<bool> IsMemberAsync(string userId, long conversationId, CancellationToken cancellationToken) =>
        Membership(userId, conversationId).AnyAsync(cancellationToken);

    /// <summary>The 1:1 chat with a friend, created the first time.</summary>
    public async Task<(ConversationDetail? Chat, bool Created, ChatRefusal? Refusal)> OpenDirectAsync(string userId, string friendId, CancellationToken cancellationToken)
    {
        if (friendId == userId || !await contacts.AreFriendsAsync(userId, friendId, cancellationToken))
        {
            return (null, false, new ChatRefusal(403, "Not friends", "You can chat one to one only with friends: people you added who added you back."));
        }
        var key = Conversation.DirectKeyOf(userId, friendId);
        if (await db.Conversations.AsNoTracking().Where(c => c.DirectKey == key).Select(c => (long?)c.Id).FirstOrDefaultAsync(cancellationToken) is { } existing)
        {
            return (await DetailAsync(userId, existing, cancellationToken), false, null);
        }
        var now = time.GetUtcNow().UtcDateTime;
        var conversation = new Conversation
        {
            Kind = ConversationKind.Direct,
            DirectKey = key,
            CreatedAt = now,
            Members = [new ConversationMember { UserId = userId, JoinedAt = now }, new ConversationMember { UserId = friendId, JoinedAt = now }],
        };
        db.Conversations.Add(conversation);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            db.ChangeTracker.Clear();
            var id = await db.Conversations.AsNoTracking().Where(c => c.DirectKey == key).Select(c => c.Id).SingleAsync(cancellationToken);
            return (await DetailAsync(userId, id, cancellationToken), false, null);
        }
        return (await DetailAsync(userId, conversation.Id, cancellationToken), true, null);
    }

    public async Task<(ConversationDetail? Chat, ChatRefusal? Refusal)> CreateGroupAsync(
        string ownerId, string? name, IReadOnlyCollection<string> memberIds, CancellationToken cancellationToken)
    {
        if (ValidGroupName(name) is { } bad)
        {
            return (null, bad);
        }
        var others = memberIds.Where(id => id != ownerId).Distinct().ToList();
        if (others.Count is 0 || others.Count + 1 > ChatLimits.MaxGroupMembers)
        {
            return (null, ChatRefusal.Invalid($"A group has you and 1 to {ChatLimits.MaxGroupMembers - 1} friends."));
        }
        if (await NotFriendsAsync(ownerId, others, cancellationToken) is { } refusal)
        {
            return (null, refusal);
        }
        var now = time.GetUtcNow().UtcDateTime;
        var conversation = new Conversation
        {
            Kind = ConversationKind.Group,
            Name = name!.Trim(),
            OwnerId = ownerId,
            GroupSecret = OpenGroupId.NewSecret(),
            CreatedAt = now,
            Members = [.. others.Prepend(ownerId).Select(id => new ConversationMember { UserId = id, JoinedAt = now })],
        };
        db.Conversations.Add(conversation);
        await db.SaveChangesAsync(cancellationToken);
        return (await DetailAsync(ownerId, conversation.Id, cancellationToken), null);
    }

    public async Task<(MembershipChange? Change, ChatRefusal? Refusal)> RenameGroupAsync(string userId, long id, string? name, CancellationToken cancellationToken)
    {
        if (await GroupOfMemberAsync(userId, id, cancellationToken) is not { } group)
        {
            return (null, ChatRefusal.NoSuchChat(id));
        }
        if (ValidGroupName(name) is { } bad)
        {
            return (null, bad);
        }
        group.Name = name!.Trim();
        await db.SaveChangesAsync(cancellationToken);
        return (await ChangeAsync(userId, id, [], cancellationToken), null);
    }

    /// <summary>Any member may add their own friends.</summary>
    public async Task<(MembershipChange? Change, ChatRefusal? Refusal)> AddMembersAsync(
        string userId, long id, IReadOnlyCollection<string> userIds, CancellationToken cancellationToken)
    {
        if (await GroupOfMemberAsync(userId, id, cancellationToken) is not { } group)
        {
            return (null, ChatRefusal.NoSuchChat(id));
        }
        var present = await db.ConversationMembers.Where(m => m.ConversationId == id).Select(m => m.UserId).ToListAsync(cancellationToken);
        var added = userIds.Distinct().Except(present).ToList();
        if (added.Count is 0)
        {
            return (null, ChatRefusal.Invalid("Name at least one friend who is not in the group yet."));
        }
        if (present.Count + added.Count > ChatLimits.MaxGroupMembers)
        {
            return (null, ChatRefusal.Invalid($"A group has at most {ChatLimits.MaxGroupMembers} members."));
        }
        if (await NotFriendsAsync(userId, added, cancellationToken) is { } refusal)
        {
            return (null, refusal);
        }
        var now = time.GetUtcNow().UtcDateTime;
        db.ConversationMembers.AddRange(added.Select(a => new ConversationMember { ConversationId = group.Id, UserId = a, JoinedAt = now }));
        await db.SaveChangesAsync(cancellationToken);
        return (await ChangeAsync(userId, id, [], cancellationToken), null);
    }

    /// <summary>The owner removes anyone; anyone removes themselves (leaves). An owner who leaves hands the group on.</summary>
    public async Task<(MembershipChange? Change, ChatRefusal? Refusal)> RemoveMemberAsync(
        string userId, long id, string memberId, CancellationToken cancellationToken)
    {
        if (await GroupOfMemberAsync(userId, id, cancellationToken) is not { } group)
        {
            return (null, ChatRefusal.NoSuchChat(id));
        }
        if (memberId != userId && group.OwnerId != userId)
        {
            return (null, new ChatRefusal(403, "Not the owner", "Only the group's owner can remove others; anyone can leave."));
        }
        var member = await db.ConversationMembers.SingleOrDefaultAsync(m => m.ConversationId == id && m.UserId == memberId, cancellationToken);
        if (member is null)
        {
            return (null, new ChatRefusal(404, "Not a member", "That person is not in this group."));
        }
        db.ConversationMembers.Remove(member);
        if (group.OwnerId == memberId)
        {
            group.OwnerId = await db.ConversationMembers.Where(m => m.ConversationId == id && m.UserId != memberId)
                .OrderBy(m => m.JoinedAt).Select(m => m.UserId).FirstOrDefaultAsync(cancellationToken);
        }
        await db.SaveChangesAsync(cancellationToken);
        var change = await ChangeAsync(null, id, [memberId], cancellationToken);
        return (change, null);
    }

    public async Task<ConversationDetail?> DetailAsync(string? userId, long id, CancellationToken cancellationToken)
    {
        var conversation = await db.Conversations.AsNoTracking().Where(c => c.Id == id && (userId == null || c.Members.Any(m => m.UserId == userId)))
            .Select(c => new { c.Id, c.Kind, c.Name, c.OwnerId })
            .SingleOrDefaultAsync(cancellationToken);
        if (conversation is null)
        {
            return null;
        }
        var members = await db.ConversationMembers.AsNoTracking().Where(m => m.ConversationId == id).OrderBy(m => m.JoinedAt)
            .Select(m => new PublicUser(m.UserId, m.User!.Handle, m.User.Nickname, m.User.AvatarUrl))
            .ToListAsync(cancellationToken);
        var title = conversation.Kind == ConversationKind.Group
            ? conversation.Name!
            : members.FirstOrDefault(m => m.Id != userId)?.Nickname ?? "";
        return new ConversationDetail(conversation.Id, KindName(conversation.Kind), title, conversation.OwnerId, members);
    }

    /// <summary>The user's conversations, the most recently active first, with their last message and unread count.</summary>
    public async Task<IReadOnlyList<ConversationSummary>> ListAsync(string userId, CancellationToken cancellationToken)
    {
        var rows = await db.ConversationMembers.AsNoTracking().Where(m => m.UserId == userId)
            .Select(m => new
            {
                m.ConversationId,
                m.Conversation!.Kind,
                m.Conversation.Name,
                m.Conversation.OwnerId,
                m.Conversation.CreatedAt,
                MemberCount = m.Conversation.Members.Count,
                Other = m.Conversation.Members.Where(o => o.UserId != userId).Select(o => o.User!.Nickname).FirstOrDefault(),
                LastId = db.ChatMessages.Where(x => x.ConversationId == m.ConversationId).Max(x => (long?)x.Id),
                Unread = db.ChatMessages.Count(x => x.ConversationId == m.ConversationId && x.Id > m.LastReadMessageId && x.SenderId != userId),
            })
            .ToListAsync(cancellationToken);
        var lastIds = rows.Where(r => r.LastId is not null).Select(r => r.LastId!.Value).ToList();
        var last = await db.ChatMessages.AsNoTracking().Where(m => lastIds.Contains(m.Id)).Select(s_view).ToDictionaryAsync(m => m.ConversationId, cancellationToken);
        return [.. rows
            .OrderByDescending(r => r.LastId ?? 0).ThenByDescending(r => r.CreatedAt)
            .Select(r => new ConversationSummary(
                r.ConversationId, KindName(r.Kind), r.Kind == ConversationKind.Group ? r.Name! : r.Other ?? "", r.OwnerId, r.MemberCount,
                last.GetValueOrDefault(r.ConversationId), r.Unread, r.CreatedAt))];
    }

    /// <summary>
    /// Messages of one conversation: the newest <paramref name="limit"/> before <paramref name="before"/> (older pages),
    /// or the oldest after <paramref name="after"/> (catching up). Oldest first either way.
    /// </summary>
    public async Task<(MessagePage? Page, ChatRefusal? Refusal)> HistoryAsync(
        string userId, long id, long? before, long? after, int limit, CancellationToken cancellationToken)
    {
        if (!await IsMemberAsync(userId, id, cancellationToken))
        {
            return (null, ChatRefusal.NoSuchChat(id));
        }
        var messages = db.ChatMessages.AsNoTracking().Where(m => m.ConversationId == id);
        return (await PageAsync(messages, before, after, limit, cancellationToken), null);
    }

    /// <summary>Every message after <paramref name="after"/> in all the user's conversations: what a reconnecting client missed.</summary>
    public Task<MessagePage> SyncAsync(string userId, long after, int limit, CancellationToken cancellationToken) =>
        PageAsync(db.ChatMessages.AsNoTracking().Where(m => db.ConversationMembers.Any(c => c.ConversationId == m.ConversationId && c.UserId == userId)),
            null, after, limit, cancellationToken);

    private static async Task<MessagePage> PageAsync(IQueryable<ChatMessage> messages, long? before, long? after, int limit, CancellationToken cancellationToken)
    {
        limit = Math.Clamp(limit, 1, ChatLimits.MaxPage);
        if (after is { } start)
        {
            var newer = await messages.Where(m => m.Id > start).OrderBy(m => m.Id).Take(limit + 1).Select(s_view).ToListAsync(cancellationToken);
            return new MessagePage([.. newer.Take(limit)], newer.Count > limit);
        }
        var end = before ?? long.MaxValue;
        var older = await messages.Where(m => m.Id < end).OrderByDescending(m => m.Id).Take(limit + 1).Select(s_view).ToListAsync(cancellationToken);
        return new MessagePage([.. older.Take(limit).Reverse()], older.Count > limit);
    }

    /// <summary>Sends text or a share card. Saved before anyone is told; a repeated client id answers the first message.</summary>
    public async Task<(Delivery? Delivery, ChatRefusal? Refusal)> SendAsync(
        string userId, long id, string? clientId, string? text, ShareCard? card, CancellationToken cancellationToken)
    {
        var conversation = await db.Conversations.AsNoTracking().Where(c => c.Id == id && c.Members.Any(m => m.UserId == userId))
            .Select(c => new { c.Kind }).SingleOrDefaultAsync(cancellationToken);
        if (conversation is null)
        {
            return (null, ChatRefusal.NoSuchChat(id));
        }
        if (clientId is { Length: 0 or > ChatLimits.MaxClientId })
        {
            return (null, ChatRefusal.Invalid($"clientId has 1 to {ChatLimits.MaxClientId} characters."));
        }
        if (clientId is not null && await FindSentAsync(userId, id, clientId, cancellationToken) is { } repeated)
        {
            return (new Delivery(repeated, await MemberIdsAsync(id, cancellationToken), false), null);
        }
        var message = new ChatMessage { ConversationId = id, SenderId = userId, ClientId = clientId, SentAt = time.GetUtcNow().UtcDateTime };
        if ((text is null) == (card is null))
        {
            return (null, ChatRefusal.Invalid("A message has either text or a mini-program card."));
        }
        if (text is not null)
        {
            if (string.IsNullOrWhiteSpace(text) || text.Length > ChatLimits.MaxText)
            {
                return (null, ChatRefusal.Invalid($"A text message has 1 to {ChatLimits.MaxText} characters, not all spaces."));
            }
            message.Kind = MessageKind.Text;
            message.Text = text;
        }
        else if (await CardAsync(card!, conversation.Kind, message, cancellationToken) is { } refusal)
        {
            return (null, refusal);
        }
        db.ChatMessages.Add(message);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException) when (clientId is not null)
        {
            db.ChangeTracker.Clear();
            var first = await FindSentAsync(userId, id, clientId, cancellationToken) ?? throw new InvalidOperationException("The message was neither saved nor found.");
            return (new Delivery(first, await MemberIdsAsync(id, cancellationToken), false), null);
        }
        var view = await db.ChatMessages.AsNoTracking().Where(m => m.Id == message.Id).Select(s_view).SingleAsync(cancellationToken);
        return (new Delivery(view, await MemberIdsAsync(id, cancellationToken), true), null);
    }

    private async Task<ChatRefusal?> CardAsync(ShareCard card, ConversationKind kind, ChatMessage message, CancellationToken cancellationToken)
    {
        var program = await db.MiniPrograms.AsNoTracking().Where(p => p.AppId == card.AppId)
            .Select(p => new { p.Name, p.IconUrl, Released = p.ReleasedVersionId != null }).SingleOrDefaultAsync(cancellationToken);
        if (program is not { Released: true })
        {
            return ChatRefusal.Invalid($"There is no released mini program with appid {card.AppId}.");
        }
        var title = card.Title?.Trim() ?? "";
        if (title.Length is 0 or > ChatLimits.MaxCardTitle)
        {
            return ChatRefusal.Invalid($"A card title has 1 to {ChatLimits.MaxCardTitle} characters.");
        }
        var path = (card.Path ?? "").TrimStart('/');
        if (!ChatLimits.IsPagePath(path))
        {
            return ChatRefusal.Invalid($"A card path is a page path such as pages/index/index?id=7, at most {ChatLimits.MaxCardPath} characters.");
        }
        if (card.ImageUrl is { } image && !ChatLimits.IsAllowedImage(image))
        {
            return ChatRefusal.Invalid("A card image is one of the program's bundled images or an https URL.");
        }
        message.Kind = MessageKind.Card;
        message.CardAppId = card.AppId;
        message.CardName = program.Name;
        message.CardIconUrl = program.IconUrl;
        message.CardTitle = title;
        message.CardPath = path;
        message.CardImageUrl = card.ImageUrl;
        message.ShareTicket = kind == ConversationKind.Group ? OpenGroupId.NewTicket() : null;
        return null;
    }

    /// <summary>Marks the conversation read up to a message (never backwards, never past its last message).</summary>
    public async Task<(int Unread, ChatRefusal? Refusal)> MarkReadAsync(string userId, long id, long messageId, CancellationToken cancellationToken)
    {
        var member = await Membership(userId, id).SingleOrDefaultAsync(cancellationToken);
        if (member is null)
        {
            return (0, ChatRefusal.NoSuchChat(id));
        }
        var last = await db.ChatMessages.Where(m => m.ConversationId == id && m.Id <= messageId).MaxAsync(m => (long?)m.Id, cancellationToken) ?? 0;
        if (last > member.LastReadMessageId)
        {
            member.LastReadMessageId = last;
            await db.SaveChangesAsync(cancellationToken);
        }
        var unread = await db.ChatMessages.CountAsync(m => m.ConversationId == id && m.Id > member.LastReadMessageId && m.SenderId != userId, cancellationToken);
        return (unread, null);
    }

    /// <summary>Whether the user is in the group a share ticket for this program came from (what <c>wx.getShareInfo</c> checks).</summary>
    public Task<bool> HoldsTicketAsync(string userId, string appId, string ticket, CancellationToken cancellationToken) =>
        db.ChatMessages.AnyAsync(m => m.ShareTicket == ticket && m.CardAppId == appId
            && db.ConversationMembers.Any(c => c.ConversationId == m.ConversationId && c.UserId == userId), cancellationToken);

    /// <summary>A program's backend turns a share ticket into the group's openGId with its appid and appsecret.</summary>
    public async Task<(string? OpenGId, ChatRefusal? Refusal)> ExchangeTicketAsync(string appId, string appSecret, string ticket, CancellationToken cancellationToken)
    {
        var hash = await db.MiniPrograms.AsNoTracking().Where(p => p.AppId == appId).Select(p => p.AppSecretHash).SingleOrDefaultAsync(cancellationToken);
        if (hash is null || !AppSecret.Matches(appSecret, hash))
        {
            return (null, new ChatRefusal(401, "Wrong appid or appsecret", "The appid and appsecret do not match a registered mini program."));
        }
        var secret = await db.ChatMessages.AsNoTracking().Where(m => m.ShareTicket == ticket && m.CardAppId == appId)
            .Join(db.Conversations, m => m.ConversationId, c => c.Id, (m, c) => c.GroupSecret).FirstOrDefaultAsync(cancellationToken);
        return secret is null
            ? (null, new ChatRefusal(404, "No such share ticket", "The share ticket is not one of this program's cards in a group."))
            : (OpenGroupId.For(secret, appId), null);
    }

    private Task<MessageView?> FindSentAsync(string userId, long id, string clientId, CancellationToken cancellationToken) =>
        db.ChatMessages.AsNoTracking().Where(m => m.SenderId == userId && m.ClientId == clientId && m.ConversationId == id).Select(s_view).FirstOrDefaultAsync(cancellationToken);

    private async Task<IReadOnlyList<string>> MemberIdsAsync(long id, CancellationToken cancellationToken) =>
        await db.ConversationMembers.AsNoTracking().Where(m => m.ConversationId == id).Select(m => m.UserId).ToListAsync(cancellationToken);

    private Task<Conversation?> GroupOfMemberAsync(string userId, long id, CancellationToken cancellationToken) =>
        db.Conversations.Where(c => c.Id == id && c.Kind == ConversationKind.Group && c.Members.Any(m => m.UserId == userId))
            .SingleOrDefaultAsync(cancellationToken);

    private async Task<MembershipChange?> ChangeAsync(string? userId, long id, IReadOnlyList<string> removed, CancellationToken cancellationToken) =>
        await DetailAsync(userId, id, cancellationToken) is { } detail
            ? new MembershipChange(detail, [.. detail.Members.Select(m => m.Id).Concat(removed)])
            : null;

    private async Task<ChatRefusal?> NotFriendsAsync(string userId, IReadOnlyCollection<string> others, CancellationToken cancellationToken)
    {
        var friends = await contacts.Friends(userId).Where(f => others.Contains(f)).CountAsync(cancellationToken);
        return friends == others.Count ? null : new ChatRefusal(403, "Not friends", "You can add only your friends to a group.");
    }

    private static ChatRefusal? ValidGroupName(string? name) =>
        name?.Trim() is { Length: > 0 and <= ChatLimits.MaxGroupName }
            ? null
            : ChatRefusal.Invalid($"A group name has 1 to {ChatLimits.MaxGroupName} characters.");

    private static string KindName(ConversationKind kind) => kind == ConversationKind.Group ? "group" : "direct";

    public static void Configure(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<Conversation>(conversation =>
        {
            conversation.Property(c => c.Kind).HasConversion<string>().HasMaxLength(16);
            conversation.Property(c => c.Name).HasMaxLength(ChatLimits.MaxGroupName);
            conversation.Property(c => c.DirectKey).HasMaxLength(160);
            conversation.HasIndex(c => c.DirectKey).IsUnique();
            conversation.Property(c => c.GroupSecret).HasMaxLength(64);
            conversation.HasOne<CapsuleUser>().WithMany().HasForeignKey(c => c.OwnerId).OnDelete(DeleteBehavior.SetNull);
        });
        modelBuilder.Entity<ConversationMember>(member =>
        {
            member.HasKey(m => new { m.ConversationId, m.UserId });
            member.HasIndex(m => m.UserId);
            member.HasOne(m => m.Conversation).WithMany(c => c.Members).HasForeignKey(m => m.ConversationId).OnDelete(DeleteBehavior.Cascade);
            member.HasOne(m => m.User).WithMany().HasForeignKey(m => m.UserId).OnDelete(DeleteBehavior.Cascade);
        });
        modelBuilder.Entity<ChatMessage>(message =>
        {
            message.Property(m => m.Kind).HasConversion<string>().HasMaxLength(16);
            message.Property(m => m.ClientId).HasMaxLength(ChatLimits.MaxClientId);
            message.Property(m => m.Text).HasMaxLength(ChatLimits.MaxText);
            message.Property(m => m.CardAppId).HasMaxLength(18);
            message.Property(m => m.CardName).HasMaxLength(64);
            message.Property(m => m.CardIconUrl).HasMaxLength(512);
            message.Property(m => m.CardTitle).HasMaxLength(ChatLimits.MaxCardTitle);
            message.Property(m => m.CardPath).HasMaxLength(ChatLimits.MaxCardPath);
            message.Property(m => m.CardImageUrl).HasMaxLength(ChatLimits.MaxUrl);
            message.Property(m => m.ShareTicket).HasMaxLength(64);
            message.HasIndex(m => m.ShareTicket).IsUnique();
            message.HasIndex(m => new { m.ConversationId, m.Id });
            message.HasIndex(m => new { m.SenderId, m.ConversationId, m.ClientId }).IsUnique();
            message.HasOne<Conversation>().WithMany().HasForeignKey(m => m.ConversationId).OnDelete(DeleteBehavior.Cascade);
            message.HasOne(m => m.Sender).WithMany().HasForeignKey(m => m.SenderId).OnDelete(DeleteBehavior.Cascade);
        });
    }
}
