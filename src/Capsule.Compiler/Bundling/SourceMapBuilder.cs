using System.Text;
using System.Text.Json.Nodes;

namespace Capsule.Compiler.Bundling;

/// <summary>
/// Builds a source map (revision 3) that maps generated lines to positions in the original files, with the
/// originals embedded (<c>sourcesContent</c>) so developer tools can show them without the project.
/// </summary>
public sealed class SourceMapBuilder
{
    private const string Base64 = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

    private readonly List<string> _sources = [];
    private readonly List<string> _contents = [];
    private readonly Dictionary<string, int> _sourceIndex = new(StringComparer.Ordinal);
    private readonly SortedDictionary<int, List<(int Column, int Source, int Line, int SourceColumn)>> _lines = [];

    /// <summary>Adds a source file (once) and returns its index.</summary>
    public int AddSource(string path, string content)
    {
        if (!_sourceIndex.TryGetValue(path, out var index))
        {
            index = _sources.Count;
            _sourceIndex[path] = index;
            _sources.Add(path);
            _contents.Add(content);
        }
        return index;
    }

    /// <summary>Maps a zero-based generated line and column to a zero-based position in a source.</summary>
    public void Map(int generatedLine, int generatedColumn, int source, int sourceLine, int sourceColumn)
    {
        if (!_lines.TryGetValue(generatedLine, out var segments))
        {
            _lines[generatedLine] = segments = [];
        }
        segments.Add((generatedColumn, source, sourceLine, sourceColumn));
    }

    /// <summary>Marks the code from a zero-based generated line and column on as coming from no source.</summary>
    public void Unmapped(int generatedLine, int generatedColumn) => Map(generatedLine, generatedColumn, -1, 0, 0);

    public string Build(string file)
    {
        var mappings = new StringBuilder();
        int previousSource = 0, previousLine = 0, previousSourceColumn = 0, line = 0;
        foreach (var (generatedLine, segments) in _lines)
        {
            mappings.Append(';', generatedLine - line);
            line = generatedLine;
            var previousColumn = 0;
            var first = true;
            foreach (var (column, source, sourceLine, sourceColumn) in segments.OrderBy(s => s.Column))
            {
                if (!first)
                {
                    mappings.Append(',');
                }
                first = false;
                Vlq(mappings, column - previousColumn);
                previousColumn = column;
                if (source < 0)
                {
                    continue;
                }
                Vlq(mappings, source - previousSource);
                Vlq(mappings, sourceLine - previousLine);
                Vlq(mappings, sourceColumn - previousSourceColumn);
                (previousSource, previousLine, previousSourceColumn) = (source, sourceLine, sourceColumn);
            }
        }
        return new JsonObject
        {
            ["version"] = 3,
            ["file"] = file,
            ["sources"] = new JsonArray([.. _sources.Select(s => (JsonNode)s)]),
            ["sourcesContent"] = new JsonArray([.. _contents.Select(s => (JsonNode)s)]),
            ["names"] = new JsonArray(),
            ["mappings"] = mappings.ToString(),
        }.ToJsonString();
    }

    private static void Vlq(StringBuilder output, int value)
    {
        var vlq = value < 0 ? ((-value) << 1) | 1 : value << 1;
        do
        {
            var digit = vlq & 31;
            vlq >>= 5;
            if (vlq > 0)
            {
                digit |= 32;
            }
            output.Append(Base64[digit]);
        }
        while (vlq > 0);
    }
}
