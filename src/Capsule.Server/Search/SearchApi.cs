using Capsule.Platform.MiniPrograms;
using Capsule.Platform.Search;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Capsule.Server.Search;

public sealed record SearchAnswer(string Query, IReadOnlyList<SearchResult> Results);

/// <summary>
/// <c>GET /api/search?q=</c>: the released program whose normalized name equals the query, and nothing for a
/// partial or fuzzy query, as WeChat does. One lookup on the unique index of normalized names, or none when the
/// answer is cached (<see cref="ProgramSearch"/>).
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

    private static async Task<Results<Ok<SearchAnswer>, ValidationProblem>> SearchAsync(string? q, ProgramSearch search, HttpContext context, CancellationToken cancellationToken)
    {
        var query = q?.Trim() ?? "";
        if (query.Length is 0 or > MaxQuery)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["q"] = [$"Type the mini program's exact name (1 to {MaxQuery} characters)."] });
        }
        var results = await search.FindAsync(ProgramName.Normalize(query), context.RequestServices, cancellationToken);
        return TypedResults.Ok(new SearchAnswer(query, results));
    }
}
