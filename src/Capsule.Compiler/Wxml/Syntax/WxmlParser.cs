using Capsule.Compiler.Diagnostics;
using Capsule.Compiler.Wxml.Expressions;

namespace Capsule.Compiler.Wxml.Syntax;

/// <summary>
/// Parses WXML text into a tree. Reports problems as diagnostics and always returns a tree, so one
/// mistake does not hide the next. Never throws on any input.
/// </summary>
public sealed class WxmlParser
{
    /// <summary>Elements whose content is kept as raw text, not parsed as WXML.</summary>
    private static readonly HashSet<string> s_rawTextElements = ["wxs"];

    private const int MaxDepth = 512;

    private readonly SourceFile _file;
    private readonly string _text;
    private readonly DiagnosticBag _diagnostics;
    private int _pos;

    private WxmlParser(SourceFile file, DiagnosticBag diagnostics)
    {
        _file = file;
        _text = file.Text;
        _diagnostics = diagnostics;
    }

    public static WxmlDocument Parse(SourceFile file, DiagnosticBag diagnostics)
    {
        var parser = new WxmlParser(file, diagnostics);
        return new WxmlDocument(file, parser.ParseDocument());
    }

    private sealed class OpenElement(string name, List<WxmlAttribute> attributes, int start, SourceSpan nameSpan)
    {
        public string Name { get; } = name;
        public List<WxmlAttribute> Attributes { get; } = attributes;
        public List<WxmlNode> Children { get; } = [];
        public int Start { get; } = start;
        public SourceSpan NameSpan { get; } = nameSpan;

        public WxmlElement Close(int end) => new(Name, Attributes, Children, SourceSpan.FromBounds(Start, end), NameSpan);
    }

    private List<WxmlNode> ParseDocument()
    {
        var root = new List<WxmlNode>();
        var stack = new Stack<OpenElement>();
        List<WxmlNode> Current() => stack.Count > 0 ? stack.Peek().Children : root;

        while (_pos < _text.Length)
        {
            if (StartsWith("<!--"))
            {
                SkipComment();
            }
            else if (StartsWith("</"))
            {
                CloseTag(stack, Current);
            }
            else if (_text[_pos] == '<' && _pos + 1 < _text.Length && IsNameStart(_text[_pos + 1]))
            {
                var open = OpenTag(out var selfClosing);
                if (open.Name.StartsWith("wx-", StringComparison.Ordinal))
                {
                    _diagnostics.Error(_file, open.NameSpan, $"<{open.Name}>: tag names starting with wx- are reserved");
                }
                if (selfClosing)
                {
                    Current().Add(open.Close(_pos));
                }
                else if (s_rawTextElements.Contains(open.Name))
                {
                    ReadRawText(open);
                    Current().Add(open.Close(_pos));
                }
                else if (stack.Count >= MaxDepth)
                {
                    _diagnostics.Error(_file, open.NameSpan, $"elements are nested more than {MaxDepth} deep");
                    _pos = _text.Length;
                }
                else
                {
                    stack.Push(open);
                }
            }
            else
            {
                var text = ReadText();
                Current().Add(text);
            }
        }

        while (stack.Count > 0)
        {
            var open = stack.Pop();
            _diagnostics.Error(_file, open.NameSpan, $"<{open.Name}> is not closed");
            Current().Add(open.Close(_text.Length));
        }
        return root;
    }

    private void CloseTag(Stack<OpenElement> stack, Func<List<WxmlNode>> current)
    {
        var start = _pos;
        _pos += 2;
        var nameStart = _pos;
        var name = ReadName();
        var nameSpan = SourceSpan.FromBounds(nameStart, _pos);
        SkipWhitespace();
        if (_pos < _text.Length && _text[_pos] == '>')
        {
            _pos++;
        }
        else
        {
            _diagnostics.Error(_file, new SourceSpan(_pos, 1), $"expected '>' to end </{name}>");
            SkipPast('>');
        }

        if (name.Length == 0)
        {
            _diagnostics.Error(_file, new SourceSpan(start, 2), "a closing tag needs a name");
            return;
        }
        if (stack.Count == 0)
        {
            _diagnostics.Error(_file, nameSpan, $"</{name}> has no matching opening tag");
            return;
        }
        if (stack.Peek().Name == name)
        {
            var open = stack.Pop();
            current().Add(open.Close(_pos));
            return;
        }
        if (stack.Any(e => e.Name == name))
        {
            while (stack.Peek().Name != name)
            {
                var unclosed = stack.Pop();
                _diagnostics.Error(_file, unclosed.NameSpan, $"<{unclosed.Name}> is not closed before </{name}>");
                current().Add(unclosed.Close(start));
            }
            var open = stack.Pop();
            current().Add(open.Close(_pos));
            return;
        }
        _diagnostics.Error(_file, nameSpan, $"</{name}> does not match <{stack.Peek().Name}>");
    }

    private OpenElement OpenTag(out bool selfClosing)
    {
        var start = _pos;
        _pos++;
        var nameStart = _pos;
        var name = ReadName();
        var nameSpan = SourceSpan.FromBounds(nameStart, _pos);
        var attributes = new List<WxmlAttribute>();
        selfClosing = false;

        while (true)
        {
            SkipWhitespace();
            if (_pos >= _text.Length)
            {
                _diagnostics.Error(_file, nameSpan, $"<{name}> is not finished: expected '>'");
                break;
            }
            var c = _text[_pos];
            if (c == '>')
            {
                _pos++;
                break;
            }
            if (c == '/' && Peek(1) == '>')
            {
                _pos += 2;
                selfClosing = true;
                break;
            }
            if (!IsAttributeNameChar(c))
            {
                _diagnostics.Error(_file, new SourceSpan(_pos, 1), $"unexpected '{c}' in <{name}>");
                _pos++;
                continue;
            }
            var attribute = ReadAttribute(name);
            var duplicate = attributes.FindIndex(a => a.Name == attribute.Name);
            if (duplicate >= 0)
            {
                _diagnostics.Warning(_file, attribute.NameSpan, $"duplicate attribute '{attribute.Name}': the last value is used");
                attributes.RemoveAt(duplicate);
            }
            attributes.Add(attribute);
        }
        return new OpenElement(name, attributes, start, nameSpan);
    }

    private WxmlAttribute ReadAttribute(string elementName)
    {
        var nameStart = _pos;
        while (_pos < _text.Length && IsAttributeNameChar(_text[_pos]))
        {
            _pos++;
        }
        var nameSpan = SourceSpan.FromBounds(nameStart, _pos);
        var name = _text[nameStart.._pos];
        var save = _pos;
        SkipWhitespace();
        if (_pos >= _text.Length || _text[_pos] != '=')
        {
            _pos = save;
            return new WxmlAttribute(name, null, nameSpan, new SourceSpan(save, 0));
        }
        _pos++;
        SkipWhitespace();
        if (_pos < _text.Length && _text[_pos] is '"' or '\'')
        {
            var quote = _text[_pos];
            var valueStart = ++_pos;
            while (_pos < _text.Length && _text[_pos] != quote)
            {
                if (StartsWith("{{"))
                {
                    SkipInterpolation();
                    continue;
                }
                // As in wcc, a backslash keeps the quote or backslash after it inside the value.
                _pos += _text[_pos] == '\\' && _pos + 1 < _text.Length && _text[_pos + 1] is '\\' or '"' or '\'' ? 2 : 1;
            }
            if (_pos >= _text.Length)
            {
                _diagnostics.Error(_file, nameSpan, $"the value of '{name}' in <{elementName}> has no closing {quote}");
                return new WxmlAttribute(name, _text[valueStart..], nameSpan, SourceSpan.FromBounds(valueStart, _pos));
            }
            var value = _text[valueStart.._pos];
            var valueSpan = SourceSpan.FromBounds(valueStart, _pos);
            _pos++;
            return new WxmlAttribute(name, value, nameSpan, valueSpan);
        }
        var unquotedStart = _pos;
        while (_pos < _text.Length && !char.IsWhiteSpace(_text[_pos]) && _text[_pos] != '>' && !StartsWith("/>"))
        {
            _pos++;
        }
        _diagnostics.Error(_file, unquotedStart == _pos ? nameSpan : new SourceSpan(unquotedStart, _pos - unquotedStart),
            $"the value of '{name}' must be in quotes: {name}=\"…\"");
        return new WxmlAttribute(name, _text[unquotedStart.._pos], nameSpan, SourceSpan.FromBounds(unquotedStart, _pos));
    }

    /// <summary>Moves past a <c>{{ … }}</c> so that quotes and angle brackets inside it are not taken as markup.</summary>
    private void SkipInterpolation()
    {
        var end = Interpolation.FindClose(_text, _pos + 2);
        _pos = end < 0 ? _pos + 2 : end + 2;
    }

    private WxmlText ReadText()
    {
        var start = _pos;
        while (_pos < _text.Length)
        {
            if (StartsWith("{{"))
            {
                var end = Interpolation.FindClose(_text, _pos + 2);
                if (end < 0)
                {
                    _pos++;
                    continue;
                }
                _pos = end + 2;
                continue;
            }
            if (_text[_pos] == '<')
            {
                if (StartsWith("<!--") || StartsWith("</") || (_pos + 1 < _text.Length && IsNameStart(_text[_pos + 1])))
                {
                    break;
                }
                _diagnostics.Error(_file, new SourceSpan(_pos, 1), "'<' must start a tag; write &lt; for a literal '<'");
            }
            _pos++;
        }
        return new WxmlText(_text[start.._pos], SourceSpan.FromBounds(start, _pos));
    }

    private void ReadRawText(OpenElement open)
    {
        var closing = "</" + open.Name;
        var end = _text.IndexOf(closing, _pos, StringComparison.Ordinal);
        if (end < 0)
        {
            _diagnostics.Error(_file, open.NameSpan, $"<{open.Name}> is not closed");
            open.Children.Add(new WxmlText(_text[_pos..], SourceSpan.FromBounds(_pos, _text.Length)));
            _pos = _text.Length;
            return;
        }
        if (end > _pos)
        {
            open.Children.Add(new WxmlText(_text[_pos..end], SourceSpan.FromBounds(_pos, end)));
        }
        _pos = end + closing.Length;
        SkipWhitespace();
        if (_pos < _text.Length && _text[_pos] == '>')
        {
            _pos++;
        }
        else
        {
            _diagnostics.Error(_file, new SourceSpan(_pos, 1), $"expected '>' to end </{open.Name}>");
        }
    }

    private void SkipComment()
    {
        var start = _pos;
        var end = _text.IndexOf("-->", _pos + 4, StringComparison.Ordinal);
        if (end < 0)
        {
            _diagnostics.Error(_file, new SourceSpan(start, 4), "comment is not closed: expected '-->'");
            _pos = _text.Length;
            return;
        }
        _pos = end + 3;
    }

    private string ReadName()
    {
        var start = _pos;
        while (_pos < _text.Length && IsNameChar(_text[_pos]))
        {
            _pos++;
        }
        return _text[start.._pos];
    }

    private void SkipWhitespace()
    {
        while (_pos < _text.Length && char.IsWhiteSpace(_text[_pos]))
        {
            _pos++;
        }
    }

    private void SkipPast(char c)
    {
        var i = _text.IndexOf(c, _pos);
        _pos = i < 0 ? _text.Length : i + 1;
    }

    private bool StartsWith(string s) => string.CompareOrdinal(_text, _pos, s, 0, s.Length) == 0;

    private char Peek(int ahead) => _pos + ahead < _text.Length ? _text[_pos + ahead] : '\0';

    private static bool IsNameStart(char c) => char.IsAsciiLetter(c) || c == '_';

    private static bool IsNameChar(char c) => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or ':' or '.';

    private static bool IsAttributeNameChar(char c) =>
        !char.IsWhiteSpace(c) && c is not ('"' or '\'' or '>' or '/' or '=' or '<' or '{' or '}');
}
