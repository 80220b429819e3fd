using Capsule.Platform.Data;
using Capsule.Platform.MiniPrograms;
using Microsoft.EntityFrameworkCore;

namespace Capsule.Platform.Registry;

/// <summary>What a developer gives to register a mini program.</summary>
public sealed record Registration(string Name, string Category, string? Description, string? IconUrl);

/// <summary>The outcome of a registration: the program and its secret, or why not.</summary>
public sealed record RegistrationResult(MiniProgram? Program, string? Secret, IReadOnlyDictionary<string, string[]>? Errors, bool NameTaken);

/// <summary>Registers mini programs under unique names and manages their secrets and members.</summary>
public sealed class ProgramRegistry(CapsuleDbContext db, TimeProvider time)
{
    public const int MaxDescription = 512;

    public async Task<RegistrationResult> RegisterAsync(string ownerId, Registration registration, CancellationToken cancellationToken)
    {
        var errors = Validate(registration);
        if (errors.Count > 0)
        {
            return new RegistrationResult(null, null, errors, false);
        }
        var normalized = ProgramName.Normalize(registration.Name);
        if (await db.MiniPrograms.AnyAsync(p => p.NormalizedName == normalized, cancellationToken))
        {
            return new RegistrationResult(null, null, null, true);
        }
        var secret = AppSecret.New();
        var program = new MiniProgram
        {
            AppId = AppId.New(),
            Name = registration.Name.Trim(),
            NormalizedName = normalized,
            Category = registration.Category,
            Description = registration.Description?.Trim() ?? "",
            IconUrl = registration.IconUrl,
            OwnerId = ownerId,
            AppSecretHash = AppSecret.Hash(secret),
            CreatedAt = time.GetUtcNow().UtcDateTime,
        };
        db.MiniPrograms.Add(program);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            db.Entry(program).State = EntityState.Detached;
            if (await db.MiniPrograms.AsNoTracking().AnyAsync(p => p.NormalizedName == normalized, cancellationToken))
            {
                return new RegistrationResult(null, null, null, true);
            }
            throw;
        }
        return new RegistrationResult(program, secret, null, false);
    }

    /// <summary>Replaces the appsecret; the new one is returned once.</summary>
    public async Task<string> RotateSecretAsync(MiniProgram program, CancellationToken cancellationToken)
    {
        var secret = AppSecret.New();
        program.AppSecretHash = AppSecret.Hash(secret);
        await db.SaveChangesAsync(cancellationToken);
        return secret;
    }

    public Task<MiniProgram?> FindAsync(string appId, CancellationToken cancellationToken) =>
        db.MiniPrograms.Include(p => p.Members).SingleOrDefaultAsync(p => p.AppId == appId, cancellationToken);

    /// <summary>Programs the user owns or is a member of.</summary>
    public Task<List<MiniProgram>> MineAsync(string userId, CancellationToken cancellationToken) =>
        db.MiniPrograms.AsNoTracking().Include(p => p.Members)
            .Where(p => p.OwnerId == userId || p.Members.Any(m => m.UserId == userId))
            .OrderBy(p => p.Name)
            .ToListAsync(cancellationToken);

    public async Task SetMemberAsync(MiniProgram program, string userId, string role, CancellationToken cancellationToken)
    {
        var member = program.Members.FirstOrDefault(m => m.UserId == userId);
        if (member is null)
        {
            program.Members.Add(new ProgramMember { UserId = userId, Role = role });
        }
        else
        {
            member.Role = role;
        }
        await db.SaveChangesAsync(cancellationToken);
    }

    public async Task<bool> RemoveMemberAsync(MiniProgram program, string userId, CancellationToken cancellationToken)
    {
        var member = program.Members.FirstOrDefault(m => m.UserId == userId);
        if (member is null)
        {
            return false;
        }
        program.Members.Remove(member);
        await db.SaveChangesAsync(cancellationToken);
        return true;
    }

    private static Dictionary<string, string[]> Validate(Registration registration)
    {
        var errors = new Dictionary<string, string[]>();
        if (NamePolicy.Problem(registration.Name) is { } nameProblem)
        {
            errors["name"] = [nameProblem];
        }
        if (Categories.Find(registration.Category) is null)
        {
            errors["category"] = ["Choose a second-level category from /api/categories, such as \"transport/bike-sharing\"."];
        }
        if ((registration.Description?.Length ?? 0) > MaxDescription)
        {
            errors["description"] = [$"A description has at most {MaxDescription} characters."];
        }
        if (registration.IconUrl is { } icon && (!Uri.TryCreate(icon, UriKind.Absolute, out var uri) || uri.Scheme != Uri.UriSchemeHttps || icon.Length > 512))
        {
            errors["iconUrl"] = ["The icon must be an https URL of at most 512 characters."];
        }
        return errors;
    }
}
