namespace Capsule.Bench;

/// <summary>docs/performance.md, where each benchmark owns one "## " section and rewrites only that.</summary>
public static class PerformanceDoc
{
    /// <summary>
    /// Replaces the section that starts with <paramref name="heading"/> (up to the next "## " heading) by
    /// <paramref name="section"/>, or appends it; a missing file starts from <paramref name="intro"/>.
    /// </summary>
    public static void WriteSection(string path, string heading, string section, string intro)
    {
        var existing = File.Exists(path) ? File.ReadAllText(path) : intro;
        var start = existing.IndexOf(heading, StringComparison.Ordinal);
        string updated;
        if (start < 0)
        {
            updated = existing.TrimEnd('\n') + "\n\n" + section;
        }
        else
        {
            var next = existing.IndexOf("\n## ", start + heading.Length, StringComparison.Ordinal);
            var rest = next < 0 ? "" : "\n" + existing[(next + 1)..];
            updated = existing[..start] + section + rest;
        }
        File.WriteAllText(path, updated);
    }
}
