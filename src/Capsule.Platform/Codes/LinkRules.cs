using System.Globalization;
using System.Text.RegularExpressions;
using Capsule.Network;
using Capsule.Platform.Data;
using Capsule.Platform.MiniPrograms;
using Microsoft.EntityFrameworkCore;

namespace Capsule.Platform.Codes;

/// <summary>What a team asks for: a prefix, the page it opens, and whether the rule is released.</summary>
public sealed record LinkRuleDraft(string? Prefix, string? Page, bool Released);

/// <summary>Why a rule was not added: invalid fields (<see cref="Errors"/>), or a conflict with a status, title and detail.</summary>
public sealed record LinkRuleRefusal(int Status, string Title, string Detail, Dictionary<string, string[]>? Errors = null);

/// <summary>A released program that a scanned address opens, at the page of the longest rule it matches.</summary>
public sealed record LinkMatch(string AppId, string Name, string Page);

/// <summary>
/// A program's rules for ordinary link QR codes, as WeChat's "扫普通链接二维码打开小程序": its team adds prefixes on its
/// own request domains, each with a page; a scanned address opens the program whose rule is the longest prefix it
/// matches, when that rule is released and so is the program.
/// </summary>
public sealed partial class LinkRules(CapsuleDbContext db, TimeProvider time)
{
    /// <summary>WeChat's limit of rules per program.</summary>
    public const int MaxPerProgram = 100;

    public const int MaxPage = 256;

    /// <summary>The longest scanned text looked up; a QR code holds at most 2,953 bytes.</summary>
    public const int MaxLink = 2048;

    [GeneratedRegex(@"^[A-Za-z0-9_\-]+(/[A-Za-z0-9_\-]+)*$", RegexOptions.CultureInvariant)]
    private static partial Regex PagePath();

    public Task<LinkRule[]> ListAsync(long programId, CancellationToken cancellationToken) =>
        db.LinkRules.AsNoTracking().Where(r => r.MiniProgramId == programId).OrderBy(r => r.Prefix).ToArrayAsync(cancellationToken);

    /// <summary>
    /// Adds a rule after checking it: an https prefix whose origin is in the program's request domain list (Capsule's
    /// stand-in for WeChat's verification file) and not <paramref name="ownHost"/>, a page path, a prefix no program
    /// uses yet, at most <see cref="MaxPerProgram"/> rules, and a released rule only for a released program.
    /// </summary>
    public async Task<(LinkRule? Rule, LinkRuleRefusal? Refusal)> AddAsync(
        MiniProgram program, LinkRuleDraft draft, IReadOnlyCollection<string> requestDomains, string ownHost, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>();
        var (prefix, prefixError) = LinkPrefix.Parse(draft.Prefix);
        if (prefix is null)
        {
            errors["prefix"] = [prefixError!];
        }
        else if (string.Equals(new Uri(prefix.Origin).Host, ownHost, StringComparison.OrdinalIgnoreCase))
        {
            errors["prefix"] = ["Capsule's own domain cannot be a link rule: its codes are Capsule codes."];
        }
        else if (!DomainRules.Allows(requestDomains, prefix.Text))
        {
            errors["prefix"] = [$"{prefix.Origin} is not in the program's request domain list. Add it there first: a link rule's domain must be one the program's team controls."];
        }
        if (draft.Page is not { Length: > 0 and <= MaxPage } page || !PagePath().IsMatch(page))
        {
            errors["page"] = ["A page is a path such as pages/index/index, without a leading slash or a query."];
        }
        if (errors.Count > 0)
        {
            return (null, new LinkRuleRefusal(400, "Invalid link rule", "See errors.", errors));
        }
        if (draft.Released && program.ReleasedVersionId is null)
        {
            return (null, new LinkRuleRefusal(409, "Release the program first", "A link rule can be released only once the program has a released version."));
        }
        if (await db.LinkRules.CountAsync(r => r.MiniProgramId == program.Id, cancellationToken) >= MaxPerProgram)
        {
            return (null, new LinkRuleRefusal(409, "Too many link rules", $"A program has at most {MaxPerProgram} link rules. Remove one first."));
        }
        var taken = new LinkRuleRefusal(409, "Prefix already used", $"{prefix!.Text} is already a link rule.");
        if (await db.LinkRules.AnyAsync(r => r.Prefix == prefix.Text, cancellationToken))
        {
            return (null, taken);
        }
        var rule = new LinkRule
        {
            MiniProgramId = program.Id,
            Prefix = prefix.Text,
            Origin = prefix.Origin,
            Page = draft.Page!,
            Released = draft.Released,
            CreatedAt = time.GetUtcNow().UtcDateTime,
        };
        db.LinkRules.Add(rule);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            db.Entry(rule).State = EntityState.Detached;
            if (await db.LinkRules.AsNoTracking().AnyAsync(r => r.Prefix == rule.Prefix, cancellationToken))
            {
                return (null, taken);
            }
            throw;
        }
        return (rule, null);
    }

    /// <summary>Removes one of the program's rules; false when it has none with that id.</summary>
    public async Task<bool> RemoveAsync(long programId, long id, CancellationToken cancellationToken) =>
        await db.LinkRules.Where(r => r.MiniProgramId == programId && r.Id == id).ExecuteDeleteAsync(cancellationToken) > 0;

    /// <summary>
    /// The program a scanned address opens: the rule with the longest prefix it matches decides, and opens nothing when
    /// it is not released or its program has no released version (a shorter rule does not step in, as in WeChat).
    /// </summary>
    public async Task<LinkMatch?> MatchAsync(string text, CancellationToken cancellationToken)
    {
        if (text.Length > MaxLink || LinkPrefix.Of(text) is not { } link)
        {
            return null;
        }
        var candidates = await db.LinkRules.AsNoTracking()
            .Where(r => r.Origin == link.Origin)
            .Join(db.MiniPrograms, r => r.MiniProgramId, p => p.Id, (r, p) => new { r.Prefix, r.Page, r.Released, p.AppId, p.Name, p.ReleasedVersionId })
            .ToListAsync(cancellationToken);
        var best = candidates
            .Where(c => LinkPrefix.Parse(c.Prefix).Prefix?.Matches(link) == true)
            .MaxBy(c => c.Prefix.Length);
        return best is { Released: true, ReleasedVersionId: not null } ? new LinkMatch(best.AppId, best.Name, best.Page) : null;
    }

    /// <summary>
    /// The page with the query WeChat gives it: <c>q</c>, the scanned text as encodeURIComponent writes it, and
    /// <c>scancode_time</c>, the time of the scan in Unix seconds; the query's values are percent-encoded in turn.
    /// </summary>
    public static string LaunchPath(string page, string scanned, DateTimeOffset scannedAt) =>
        $"{page}?q={Uri.EscapeDataString(EncodeUriComponent(scanned))}&scancode_time={scannedAt.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture)}";

    /// <summary>JavaScript's encodeURIComponent: RFC 3986's unreserved characters and <c>!'()*</c> stay as they are.</summary>
    public static string EncodeUriComponent(string text) =>
        Uri.EscapeDataString(text).Replace("%21", "!", StringComparison.Ordinal).Replace("%27", "'", StringComparison.Ordinal)
            .Replace("%28", "(", StringComparison.Ordinal).Replace("%29", ")", StringComparison.Ordinal).Replace("%2A", "*", StringComparison.Ordinal);
}
