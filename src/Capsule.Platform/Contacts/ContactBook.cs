using Capsule.Platform.Accounts;
using Capsule.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace Capsule.Platform.Contacts;

/// <summary>A person as others see them: no email, only the public profile.</summary>
public sealed record PublicUser(string Id, string? Handle, string Nickname, string? AvatarUrl);

/// <summary>Someone's contacts: friends (added both ways), requests to them, and their own requests still waiting.</summary>
public sealed record ContactList(IReadOnlyList<PublicUser> Friends, IReadOnlyList<PublicUser> Requests, IReadOnlyList<PublicUser> Pending);

/// <summary>Adding people by Capsule ID or user id, and who is whose friend.</summary>
public sealed class ContactBook(CapsuleDbContext db, TimeProvider time)
{
    /// <summary>A user by Capsule ID (any case) or by user id.</summary>
    public async Task<PublicUser?> FindAsync(string idOrHandle, CancellationToken cancellationToken)
    {
        var normalized = Handle.IsValid(idOrHandle) ? Handle.Normalize(idOrHandle) : null;
        return await db.Users.AsNoTracking()
            .Where(u => u.Id == idOrHandle || (normalized != null && u.NormalizedHandle == normalized))
            .Select(u => new PublicUser(u.Id, u.Handle, u.Nickname, u.AvatarUrl))
            .FirstOrDefaultAsync(cancellationToken);
    }

    public async Task<ContactRelation> RelationAsync(string userId, string otherId, CancellationToken cancellationToken)
    {
        if (userId == otherId)
        {
            return ContactRelation.Self;
        }
        var added = await db.Contacts.AnyAsync(c => c.UserId == userId && c.ContactId == otherId, cancellationToken);
        var addedBy = await db.Contacts.AnyAsync(c => c.UserId == otherId && c.ContactId == userId, cancellationToken);
        return (added, addedBy) switch
        {
            (true, true) => ContactRelation.Friend,
            (true, false) => ContactRelation.Requested,
            (false, true) => ContactRelation.RequestedYou,
            _ => ContactRelation.None,
        };
    }

    /// <summary>Adds <paramref name="otherId"/>: a request, or, when they already added the user, a friendship.</summary>
    public async Task<ContactRelation> AddAsync(string userId, string otherId, CancellationToken cancellationToken)
    {
        var relation = await RelationAsync(userId, otherId, cancellationToken);
        if (relation is ContactRelation.None or ContactRelation.RequestedYou)
        {
            db.Contacts.Add(new Contact { UserId = userId, ContactId = otherId, CreatedAt = time.GetUtcNow().UtcDateTime });
            try
            {
                await db.SaveChangesAsync(cancellationToken);
            }
            catch (DbUpdateException)
            {
                db.ChangeTracker.Clear();
            }
            return await RelationAsync(userId, otherId, cancellationToken);
        }
        return relation;
    }

    public Task<bool> AreFriendsAsync(string userId, string otherId, CancellationToken cancellationToken) =>
        Friends(userId).AnyAsync(id => id == otherId, cancellationToken);

    /// <summary>The ids of the user's friends, as a query to compose.</summary>
    public IQueryable<string> Friends(string userId) =>
        db.Contacts.Where(c => c.UserId == userId && db.Contacts.Any(back => back.UserId == c.ContactId && back.ContactId == userId))
            .Select(c => c.ContactId);

    public async Task<ContactList> ListAsync(string userId, CancellationToken cancellationToken)
    {
        var added = await db.Contacts.AsNoTracking().Where(c => c.UserId == userId).Select(c => c.ContactId).ToListAsync(cancellationToken);
        var addedBy = await db.Contacts.AsNoTracking().Where(c => c.ContactId == userId).Select(c => c.UserId).ToListAsync(cancellationToken);
        var ids = added.Union(addedBy).ToList();
        var people = await db.Users.AsNoTracking().Where(u => ids.Contains(u.Id))
            .Select(u => new PublicUser(u.Id, u.Handle, u.Nickname, u.AvatarUrl))
            .ToListAsync(cancellationToken);
        List<PublicUser> Of(IEnumerable<string> which)
        {
            var set = which.ToHashSet();
            return [.. people.Where(p => set.Contains(p.Id)).OrderBy(p => p.Nickname, StringComparer.CurrentCultureIgnoreCase)];
        }
        return new ContactList(Of(added.Intersect(addedBy)), Of(addedBy.Except(added)), Of(added.Except(addedBy)));
    }

    /// <summary>Sets the user's Capsule ID; false when someone else has it (in any case).</summary>
    public async Task<bool> SetHandleAsync(CapsuleUser user, string handle, CancellationToken cancellationToken)
    {
        var normalized = Handle.Normalize(handle);
        if (await db.Users.AnyAsync(u => u.NormalizedHandle == normalized && u.Id != user.Id, cancellationToken))
        {
            return false;
        }
        user.Handle = handle;
        user.NormalizedHandle = normalized;
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return true;
        }
        catch (DbUpdateException)
        {
            db.ChangeTracker.Clear();
            return false;
        }
    }

    public static void Configure(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<CapsuleUser>(user =>
        {
            user.Property(u => u.Handle).HasMaxLength(Handle.MaxLength);
            user.Property(u => u.NormalizedHandle).HasMaxLength(Handle.MaxLength);
            user.HasIndex(u => u.NormalizedHandle).IsUnique();
        });
        modelBuilder.Entity<Contact>(contact =>
        {
            contact.HasKey(c => new { c.UserId, c.ContactId });
            contact.HasIndex(c => c.ContactId);
            contact.HasOne<CapsuleUser>().WithMany().HasForeignKey(c => c.UserId).OnDelete(DeleteBehavior.Cascade);
            contact.HasOne(c => c.ContactUser).WithMany().HasForeignKey(c => c.ContactId).OnDelete(DeleteBehavior.Cascade);
        });
    }
}
