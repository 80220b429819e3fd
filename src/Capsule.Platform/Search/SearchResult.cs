namespace Capsule.Platform.Search;

/// <summary>A search result card: what the search page shows for a program.</summary>
public sealed record SearchResult(string AppId, string Name, string Category, string CategoryName, string Description, string? IconUrl);
