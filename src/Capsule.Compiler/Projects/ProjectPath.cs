namespace Capsule.Compiler.Projects;

/// <summary>Resolves the paths that project files use to name each other (import, include, wxs src, require).</summary>
public static class ProjectPath
{
    /// <summary>
    /// Resolves <paramref name="request"/> as written in <paramref name="fromFile"/>: <c>/x</c> from the program
    /// root, anything else from the file's folder. Adds <paramref name="extension"/> when the request has none.
    /// Returns null for a path that leaves the program root.
    /// </summary>
    public static string? Resolve(string fromFile, string request, string extension)
    {
        var parts = new List<string>();
        if (!request.StartsWith('/'))
        {
            var slash = fromFile.LastIndexOf('/');
            if (slash > 0)
            {
                parts.AddRange(fromFile[..slash].Split('/'));
            }
        }
        foreach (var part in request.Split('/'))
        {
            if (part == "..")
            {
                if (parts.Count == 0)
                {
                    return null;
                }
                parts.RemoveAt(parts.Count - 1);
            }
            else if (part is not ("." or ""))
            {
                parts.Add(part);
            }
        }
        if (parts.Count == 0)
        {
            return null;
        }
        var path = string.Join('/', parts);
        return path.EndsWith(extension, StringComparison.Ordinal) ? path : path + extension;
    }
}
