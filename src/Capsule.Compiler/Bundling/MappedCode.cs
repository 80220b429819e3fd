using System.Text;
using Capsule.Compiler.Diagnostics;

namespace Capsule.Compiler.Bundling;

/// <summary>Generated JavaScript together with its source map, built by appending pieces that know where they came from.</summary>
public sealed class MappedCode
{
    private readonly StringBuilder _text = new();
    private readonly SourceMapBuilder _map = new();
    private int _line;
    private int _column;
    private bool _lineIsMapped;
    private SourceFile? _lastFile;
    private int _lastSource;

    /// <summary>The code so far, without the source map comment.</summary>
    public string Text => _text.ToString();

    /// <summary>
    /// Appends generated code that maps to nothing. If it continues a line that has mappings, it is marked as
    /// unmapped, so that it is not taken for part of the code mapped before it.
    /// </summary>
    public MappedCode Append(string text)
    {
        if (_lineIsMapped && text.Length > 0 && text[0] != '\n')
        {
            _map.Unmapped(_line, _column);
            _lineIsMapped = false;
        }
        return Copy(text, 0, text.Length);
    }

    /// <summary>Appends source text copied from <paramref name="file"/> at <paramref name="offset"/>, each line mapped to its line.</summary>
    public MappedCode AppendSource(string text, SourceFile file, int offset = 0)
    {
        var source = SourceIndex(file);
        var (line, column) = file.GetPosition(offset);
        _map.Map(_line, _column, source, line - 1, column - 1);
        var lines = 1;
        for (var i = text.IndexOf('\n'); i >= 0; i = text.IndexOf('\n', i + 1))
        {
            _map.Map(_line + lines, 0, source, line - 1 + lines, 0);
            lines++;
        }
        Copy(text, 0, text.Length);
        _lineIsMapped = true;
        return this;
    }

    /// <summary>
    /// Appends generated code in which the code from each <c>TextOffset</c> on came from <c>SourceOffset</c> in
    /// <paramref name="file"/>; <paramref name="marks"/> are in order of <c>TextOffset</c>.
    /// </summary>
    public MappedCode Append(string text, SourceFile file, IEnumerable<(int TextOffset, int SourceOffset)> marks)
    {
        var source = SourceIndex(file);
        var copied = 0;
        foreach (var (textOffset, sourceOffset) in marks)
        {
            Copy(text, copied, textOffset - copied);
            copied = textOffset;
            var (line, column) = file.GetPosition(sourceOffset);
            _map.Map(_line, _column, source, line - 1, column - 1);
            _lineIsMapped = true;
        }
        return Copy(text, copied, text.Length - copied);
    }

    /// <summary>The code, ending with a <c>sourceMappingURL</c> comment naming the map file, and the map file.</summary>
    public (BundleFile Code, BundleFile Map) ToFiles()
    {
        var map = BundleFile.Create(Encoding.UTF8.GetBytes(_map.Build("")), "map", "application/json");
        var code = _text.ToString() + $"\n//# sourceMappingURL={map.Name}\n";
        return (BundleFile.Create(Encoding.UTF8.GetBytes(code), "js", "text/javascript"), map);
    }

    private int SourceIndex(SourceFile file)
    {
        if (!ReferenceEquals(file, _lastFile))
        {
            _lastSource = _map.AddSource(file.Path, file.Text);
            _lastFile = file;
        }
        return _lastSource;
    }

    private MappedCode Copy(string text, int start, int length)
    {
        _text.Append(text, start, length);
        var end = start + length;
        for (var i = text.IndexOf('\n', start, length); i >= 0; i = i + 1 < end ? text.IndexOf('\n', i + 1, end - i - 1) : -1)
        {
            _line++;
            _column = 0;
            _lineIsMapped = false;
            start = i + 1;
        }
        _column += end - start;
        return this;
    }
}
