using Capsule.Platform.MiniPrograms;

namespace Capsule.Platform.Registry;

/// <summary>Which names may be registered: 2 to 30 characters once normalized, not reserved, nothing offensive.</summary>
public static class NamePolicy
{
    public const int MinLength = 2;
    public const int MaxLength = 30;

    private static readonly Lazy<HashSet<string>> s_reserved = new(() => [.. Words("reserved-names.txt")]);
    private static readonly Lazy<string[]> s_offensive = new(() => [.. Words("offensive-words.txt")]);

    /// <summary>Why the name cannot be used, or null when it can.</summary>
    public static string? Problem(string? name)
    {
        var normalized = ProgramName.Normalize(name ?? "");
        if (normalized.Length is < MinLength or > MaxLength)
        {
            return $"A name has {MinLength} to {MaxLength} characters.";
        }
        if (normalized.Any(char.IsControl))
        {
            return "A name cannot contain control characters.";
        }
        if (s_reserved.Value.Contains(normalized))
        {
            return $"\"{name!.Trim()}\" is reserved.";
        }
        if (s_offensive.Value.Any(word => normalized.Replace(" ", "", StringComparison.Ordinal).Contains(word, StringComparison.Ordinal)))
        {
            return "This name is not allowed.";
        }
        return null;
    }

    private static IEnumerable<string> Words(string resource)
    {
        using var stream = typeof(NamePolicy).Assembly.GetManifestResourceStream($"Capsule.Platform.Registry.{resource}")!;
        using var reader = new StreamReader(stream);
        while (reader.ReadLine() is { } line)
        {
            if (line.Length > 0 && !line.StartsWith('#'))
            {
                yield return ProgramName.Normalize(line);
            }
        }
    }
}
