using Capsule.Platform.Data;
using Capsule.Platform.MiniPrograms;
using Capsule.Platform.Registry;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Capsule.Server.Search;

/// <summary>A search result card: what the search page shows for a program.</summary>
public sealed record SearchResult(string AppId, string Name, string Category, string CategoryName, string Description, string? IconUrl);

public sealed record SearchAnswer(string Query, IReadOnlyList<SearchResult> Results);

/// <summary>
/// <c>GET /api/search?q=</c>: the released program whose normalized name equals the query, and nothing for a
/// partial or fuzzy query, as WeChat does. One lookup on the unique index of normalized names.
/// </summary>
public static class SearchApi
{
    public const string SearchLimit = "search";
    public const int MaxQuery = 64;

    public static IEndpointRouteBuilder MapSearchApi(this IEndpointRouteBuilder routes)
    {
        routes.MapGet("/api/search", SearchAsync).WithTags("Search").RequireRateLimiting(SearchLimit);
        return routes;
    }

    private static async Task<Results<Ok<SearchAnswer>, ValidationProblem>> SearchAsync(string? q, CapsuleDbContext db, CancellationToken cancellationToken)
    {
        var query = q?.Trim() ?? "";
        if (query.Length is 0 or > MaxQuery)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["q"] = [$"Type the mini program's exact name (1 to {MaxQuery} characters)."] });
        }
        var normalized = ProgramName.Normalize(query);
        var found = await db.MiniPrograms.AsNoTracking()
            .Where(p => p.NormalizedName == normalized && p.ReleasedVersionId != null)
            .Select(p => new { p.AppId, p.Name, p.Category, p.Description, p.IconUrl })
            .SingleOrDefaultAsync(cancellationToken);
        var results = found is null
            ? []
            : new[] { new SearchResult(found.AppId, found.Name, found.Category, Categories.Find(found.Category)?.Leaf.Name ?? found.Category, found.Description, found.IconUrl) };
        return TypedResults.Ok(new SearchAnswer(query, results));
    }
}
