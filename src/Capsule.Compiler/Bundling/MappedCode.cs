using System.Text;
using Capsule.Compiler.Diagnostics;

namespace Capsule.Compiler.Bundling;

/// <summary>Generated JavaScript together with its source map, built by appending pieces that know where they came from.</summary>
public sealed class MappedCode
{
    private readonly StringBuilder _text = new();
    private readonly SourceMapBuilder _map = new();
    private int _line;

    /// <summary>The code so far, without the source map comment.</summary>
    public string Text => _text.ToString();

    /// <summary>Appends generated code that maps to nothing.</summary>
    public MappedCode Append(string text)
    {
        _text.Append(text);
        _line += Count(text);
        return this;
    }

    /// <summary>Appends source text copied from <paramref name="file"/> at <paramref name="offset"/>, line for line.</summary>
    public MappedCode AppendSource(string text, SourceFile file, int offset = 0)
    {
        var source = _map.AddSource(file.Path, file.Text);
        var (line, column) = file.GetPosition(offset);
        var lines = Count(text) + 1;
        for (var i = 0; i < lines; i++)
        {
            _map.Map(_line + i, 0, source, line - 1 + i, i == 0 ? column - 1 : 0);
        }
        return Append(text);
    }

    /// <summary>Appends generated code whose line <c>i</c> came from <c>origins[i]</c> in <paramref name="file"/>.</summary>
    public MappedCode AppendGenerated(string text, SourceFile file, IReadOnlyDictionary<int, SourceSpan> origins)
    {
        var source = _map.AddSource(file.Path, file.Text);
        foreach (var (line, span) in origins)
        {
            var (sourceLine, sourceColumn) = file.GetPosition(span.Start);
            _map.Map(_line + line, 0, source, sourceLine - 1, sourceColumn - 1);
        }
        return Append(text);
    }

    /// <summary>The code, ending with a <c>sourceMappingURL</c> comment naming the map file, and the map file.</summary>
    public (BundleFile Code, BundleFile Map) ToFiles()
    {
        var map = BundleFile.Create(Encoding.UTF8.GetBytes(_map.Build("")), "map", "application/json");
        var code = _text.ToString() + $"\n//# sourceMappingURL={map.Name}\n";
        return (BundleFile.Create(Encoding.UTF8.GetBytes(code), "js", "text/javascript"), map);
    }

    private static int Count(string text)
    {
        var count = 0;
        foreach (var c in text)
        {
            if (c == '\n')
            {
                count++;
            }
        }
        return count;
    }
}
