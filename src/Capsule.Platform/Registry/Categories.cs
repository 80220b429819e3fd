using System.Text.Json;

namespace Capsule.Platform.Registry;

/// <summary>A category of the two-level taxonomy; programs are filed under a second-level one.</summary>
public sealed record Category(string Code, string Name, IReadOnlyList<Category>? Children);

/// <summary>The category taxonomy shipped with the platform (Registry/categories.json).</summary>
public static class Categories
{
    private static readonly Lazy<IReadOnlyList<Category>> s_tree = new(Load);
    private static readonly Lazy<IReadOnlyDictionary<string, (Category Top, Category Leaf)>> s_leaves = new(() =>
        s_tree.Value.SelectMany(top => top.Children!.Select(leaf => (top, leaf))).ToDictionary(p => p.leaf.Code, p => (p.top, p.leaf)));

    public static IReadOnlyList<Category> Tree => s_tree.Value;

    /// <summary>The second-level category with this code and its parent, or null.</summary>
    public static (Category Top, Category Leaf)? Find(string? code) =>
        code is not null && s_leaves.Value.TryGetValue(code, out var found) ? found : null;

    private static IReadOnlyList<Category> Load()
    {
        using var stream = typeof(Categories).Assembly.GetManifestResourceStream("Capsule.Platform.Registry.categories.json")!;
        return JsonSerializer.Deserialize<List<Category>>(stream, new JsonSerializerOptions(JsonSerializerDefaults.Web))!;
    }
}
