using System.Text.Json;

namespace Capsule.Compiler.Tests;

/// <summary>Reads a source map (revision 3) back: which original position a generated position comes from.</summary>
internal sealed class SourceMapReader
{
    private const string Base64 = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

    private readonly List<List<Segment>> _lines = [];

    public SourceMapReader(byte[] json)
    {
        var root = JsonDocument.Parse(json).RootElement;
        Sources = [.. root.GetProperty("sources").EnumerateArray().Select(s => s.GetString()!)];
        Contents = [.. root.GetProperty("sourcesContent").EnumerateArray().Select(s => s.GetString()!)];
        int source = 0, line = 0, column = 0;
        foreach (var text in root.GetProperty("mappings").GetString()!.Split(';'))
        {
            var segments = new List<Segment>();
            var generated = 0;
            foreach (var segment in text.Split(',', StringSplitOptions.RemoveEmptyEntries))
            {
                var values = DecodeVlq(segment);
                generated += values[0];
                if (values.Count == 1)
                {
                    segments.Add(new Segment(generated, null));
                    continue;
                }
                (source, line, column) = (source + values[1], line + values[2], column + values[3]);
                segments.Add(new Segment(generated, (Sources[source], line, column)));
            }
            _lines.Add(segments);
        }
    }

    public IReadOnlyList<string> Sources { get; }

    public IReadOnlyList<string> Contents { get; }

    /// <summary>Every mapped segment: its zero-based generated position and original position.</summary>
    public IEnumerable<(int Line, int Column, (string Source, int Line, int Column) Original)> Mappings =>
        _lines.SelectMany((segments, line) => segments.Where(s => s.Original is not null).Select(s => (line, s.Column, s.Original!.Value)));

    /// <summary>
    /// Where a zero-based generated position comes from, as a debugger reads it: the last segment of the line at or
    /// before the column; null when that segment is unmapped or there is none.
    /// </summary>
    public (string Source, int Line, int Column)? Original(int line, int column) =>
        line < _lines.Count ? _lines[line].LastOrDefault(s => s.Column <= column)?.Original : null;

    private static List<int> DecodeVlq(string segment)
    {
        var values = new List<int>();
        int value = 0, shift = 0;
        foreach (var c in segment)
        {
            var digit = Base64.IndexOf(c);
            value += (digit & 31) << shift;
            if ((digit & 32) != 0)
            {
                shift += 5;
                continue;
            }
            values.Add((value & 1) == 1 ? -(value >> 1) : value >> 1);
            (value, shift) = (0, 0);
        }
        return values;
    }

    private sealed record Segment(int Column, (string Source, int Line, int Column)? Original);
}
