using Capsule.Compiler.Diagnostics;
using Capsule.Compiler.Wxml.Expressions;
using Capsule.Compiler.Wxml.Syntax;

namespace Capsule.Compiler.Wxml.Codegen;

/// <summary>
/// Generates the JavaScript of one WXML file: its templates, the files it imports, and a render function
/// <c>r(D, P, M)</c> that appends the file's nodes, in wcc's virtual DOM shape, to the array <c>P</c> for the data <c>D</c>.
/// Elements are <c>{tag, attr, children, raw, generics}</c>; text is a string. Given a memo <c>M</c> (the view's, one per
/// page or component), each <c>wx:for</c> item whose inputs are the same values as in the last render gives back the
/// nodes it made then (see <see cref="RuntimeNames.Memo"/>), so an update of one row of a long list rebuilds one row.
/// </summary>
internal sealed class WxmlFileEmitter
{
    private const string DataVariable = "D";
    private const string MemoVariable = "M";

    private readonly SourceFile _file;
    private readonly DiagnosticBag _diagnostics;
    private readonly IViewReferences _references;
    private readonly JsWriter _writer;
    private readonly Dictionary<string, string> _wxsModules = new(StringComparer.Ordinal);
    private List<Dictionary<string, string>> _scopes = [];
    private int _counter;

    /// <summary>Whether the code being written is a file's render function, which has the memo; templates have none.</summary>
    private bool _memoized;

    /// <summary>The memoized loops being written, innermost last, each collecting what its item's nodes depend on.</summary>
    private readonly List<MemoizedLoop> _memoLoops = [];

    /// <summary>The node arrays the items of the loops being written push into, innermost last.</summary>
    private readonly List<string> _loopTargets = [];

    /// <summary>The index variables of the loops being written, outermost first: where an item is, for its memo key.</summary>
    private readonly List<string> _loopIndexes = [];

    /// <param name="Scope">The index of the loop's own scope (its item and index) in the scope stack.</param>
    /// <param name="Dependencies">JavaScript reading each value the item's nodes depend on, in first-use order.</param>
    private sealed record MemoizedLoop(int Scope, List<string> Dependencies);

    private WxmlFileEmitter(SourceFile file, DiagnosticBag diagnostics, IViewReferences references, bool readable)
    {
        _file = file;
        _writer = new JsWriter(readable);
        _diagnostics = diagnostics;
        _references = references;
    }

    /// <summary>
    /// Writes <c>$F["path"]=(function(){…})();</c> for the document, one statement a line if <paramref name="readable"/>,
    /// and where in the WXML each statement of it came from.
    /// </summary>
    public static (string Code, IReadOnlyList<(int Offset, SourceSpan Span)> Origins) Emit(WxmlDocument document, DiagnosticBag diagnostics, IViewReferences references, bool readable)
    {
        var emitter = new WxmlFileEmitter(document.File, diagnostics, references, readable);
        emitter.EmitFile(document);
        return (emitter._writer.ToString(), emitter._writer.Origins);
    }

    private void EmitFile(WxmlDocument document)
    {
        var templates = new List<WxmlElement>();
        var imports = new List<string>();
        Collect(document.Children, templates, imports);

        using (_writer.Block($"$F[{JsWriter.String(_file.Path)}]=(function()", "})();"))
        {
            _writer.Line("var T={};");
            foreach (var template in templates)
            {
                var name = template.GetAttribute("name")!.Value ?? "";
                var outer = _scopes;
                _scopes = [];
                _loopIndexes.Clear();
                using (_writer.Block($"{JsWriter.Member("T", name)}=function({DataVariable},P)", "};"))
                {
                    EmitChildren(template.Children, "P");
                }
                _scopes = outer;
            }
            using (_writer.Block($"return{{t:T,i:[{string.Join(",", imports.Select(JsWriter.String))}],r:function({DataVariable},P,{MemoVariable})", "}};"))
            {
                _memoized = true;
                EmitChildren(document.Children, "P");
                _memoized = false;
            }
        }
    }

    /// <summary>Finds template definitions, imports and WXS modules anywhere in the file.</summary>
    private void Collect(IReadOnlyList<WxmlNode> nodes, List<WxmlElement> templates, List<string> imports)
    {
        foreach (var element in nodes.OfType<WxmlElement>())
        {
            switch (element.Name)
            {
                case "template" when element.GetAttribute("name") is { Value: not null }:
                    templates.Add(element);
                    break;
                case "import" when element.GetAttribute("src") is { } src:
                    if (_references.Wxml(_file, src) is { } imported && !imports.Contains(imported))
                    {
                        imports.Add(imported);
                    }
                    break;
                case "wxs":
                    CollectWxs(element);
                    break;
            }
            if (element.Name != "wxs")
            {
                Collect(element.Children, templates, imports);
            }
        }
    }

    private void CollectWxs(WxmlElement element)
    {
        var module = element.GetAttribute("module");
        if (module?.Value is not { Length: > 0 } name)
        {
            _diagnostics.Error(_file, element.NameSpan, "<wxs> needs a module name: <wxs module=\"name\">");
            return;
        }
        string? key;
        if (element.GetAttribute("src") is { } src)
        {
            key = _references.Wxs(_file, src);
        }
        else
        {
            var code = element.Children.OfType<WxmlText>().FirstOrDefault();
            key = _references.InlineWxs(_file, name, code?.Raw ?? "", code?.Span.Start ?? element.Span.End);
        }
        if (key is not null)
        {
            _wxsModules[name] = $"$w({JsWriter.String(key)})";
        }
    }

    private string Resolve(string name)
    {
        for (var i = _scopes.Count - 1; i >= 0; i--)
        {
            if (_scopes[i].TryGetValue(name, out var local))
            {
                Depend(local, i);
                return local;
            }
        }
        if (_wxsModules.TryGetValue(name, out var module))
        {
            return module;
        }
        var read = $"{RuntimeNames.Get}({DataVariable},{JsWriter.String(name)})";
        Depend(read, -1);
        return read;
    }

    /// <summary>
    /// Records a value read in the items of the memoized loops being written: a loop's own or an enclosing loop's
    /// variable (<paramref name="scope"/> at most the loop's own), or the data (-1). A WXS module is code, not a value.
    /// </summary>
    private void Depend(string value, int scope)
    {
        foreach (var loop in _memoLoops)
        {
            if (scope <= loop.Scope && !loop.Dependencies.Contains(value))
            {
                loop.Dependencies.Add(value);
            }
        }
    }

    private string NewVariable(string prefix) => prefix + _counter++;

    private void EmitChildren(IReadOnlyList<WxmlNode> nodes, string target)
    {
        for (var i = 0; i < nodes.Count; i++)
        {
            switch (nodes[i])
            {
                case WxmlText text:
                    EmitText(text, target);
                    break;
                case WxmlElement element when element.GetAttribute("wx:if") is not null && !IsLoop(element):
                    i = EmitConditionalChain(nodes, i, target);
                    break;
                case WxmlElement element when (element.GetAttribute("wx:elif") ?? element.GetAttribute("wx:else")) is { } orphan:
                    _diagnostics.Error(_file, orphan.NameSpan, $"{orphan.Name} must follow an element with wx:if or wx:elif");
                    break;
                case WxmlElement element:
                    EmitRepeated(element, target);
                    break;
            }
        }
    }

    /// <summary>Emits <c>wx:if</c> and the <c>wx:elif</c>/<c>wx:else</c> siblings that follow it; returns the last index used.</summary>
    private int EmitConditionalChain(IReadOnlyList<WxmlNode> nodes, int start, string target)
    {
        var head = (WxmlElement)nodes[start];
        var last = start;
        using (_writer.Block($"if({AttributeValue(head.GetAttribute("wx:if")!)})", origin: head.NameSpan))
        {
            EmitElement(head, target);
        }
        for (var i = start + 1; i < nodes.Count; i++)
        {
            if (nodes[i] is WxmlText text && IsBlank(text.Raw))
            {
                continue;
            }
            if (nodes[i] is not WxmlElement next)
            {
                break;
            }
            if (next.GetAttribute("wx:elif") is { } elif)
            {
                using (_writer.Block($"else if({AttributeValue(elif)})", origin: next.NameSpan))
                {
                    EmitElement(next, target);
                }
                last = i;
                continue;
            }
            if (next.GetAttribute("wx:else") is not null)
            {
                using (_writer.Block("else"))
                {
                    EmitElement(next, target);
                }
                last = i;
            }
            break;
        }
        return last;
    }

    private static bool IsLoop(WxmlElement element) =>
        element.GetAttribute("wx:for") is not null || element.GetAttribute("wx:for-items") is not null;

    /// <summary>Emits an element once, or once per item when it has <c>wx:for</c> (with its <c>wx:if</c> tested per item).</summary>
    private void EmitRepeated(WxmlElement element, string target)
    {
        var loop = element.GetAttribute("wx:for") ?? element.GetAttribute("wx:for-items");
        if (loop is null)
        {
            EmitElement(element, target);
            return;
        }
        var itemName = element.GetAttribute("wx:for-item")?.Value ?? "item";
        var indexName = element.GetAttribute("wx:for-index")?.Value ?? "index";
        var item = NewVariable("item");
        var index = NewVariable("index");
        var collection = AttributeValue(loop);
        _scopes.Add(new Dictionary<string, string> { [itemName] = item, [indexName] = index });
        _loopIndexes.Add(index);
        var memo = _memoized && !_loopTargets.Contains(target) ? new MemoizedLoop(_scopes.Count - 1, []) : null;
        using (_writer.Block($"{RuntimeNames.For}({collection},function({item},{index})", "});", element.NameSpan))
        {
            var key = element.GetAttribute("wx:key");
            var start = key is null && memo is null ? null : NewVariable("s");
            if (start is not null)
            {
                _writer.Line($"var {start}={target}.length;");
            }
            var entry = memo is null ? null : NewVariable("m");
            var dependencies = memo is null ? null : NewVariable("d");
            if (memo is not null)
            {
                var memoKey = JsWriter.String(entry + ":") + "+" + string.Join("+\":\"+", _loopIndexes);
                _writer.Line($"var {entry}={RuntimeNames.Memo}({MemoVariable},{memoKey},{dependencies}(),{target});");
                _writer.Line($"if({entry}===true)return;");
                _memoLoops.Add(memo);
            }
            _loopTargets.Add(target);
            if (element.GetAttribute("wx:if") is { } condition)
            {
                using (_writer.Block($"if({AttributeValue(condition)})"))
                {
                    EmitElement(element, target);
                }
            }
            else
            {
                EmitElement(element, target);
            }
            if (key is not null && start is not null)
            {
                Depend(item, _scopes.Count - 1);
                _writer.Line($"{RuntimeNames.Key}({target},{start},{JsWriter.String(item)},{KeyValue(key, item)});", key.NameSpan);
            }
            _loopTargets.RemoveAt(_loopTargets.Count - 1);
            if (memo is not null)
            {
                _memoLoops.Remove(memo);
                _writer.Line($"{RuntimeNames.MemoStore}({MemoVariable},{entry},{target},{start});");
                _writer.Line($"function {dependencies}(){{return[{string.Join(",", memo.Dependencies)}];}}");
            }
        }
        _loopIndexes.RemoveAt(_loopIndexes.Count - 1);
        _scopes.RemoveAt(_scopes.Count - 1);
    }

    /// <summary>
    /// A <c>wx:key</c>'s value for the current item: the item itself for <c>*this</c>, an expression's value
    /// when written with <c>{{ }}</c>, otherwise the item's property of that name (as WeChat reads it).
    /// </summary>
    private string KeyValue(WxmlAttribute key, string item)
    {
        var value = key.Value?.Trim() ?? "";
        if (value == "*this")
        {
            return item;
        }
        return value.Contains("{{", StringComparison.Ordinal) ? AttributeValue(key) : $"{RuntimeNames.Get}({item},{JsWriter.String(value)})";
    }

    private void EmitElement(WxmlElement element, string target)
    {
        switch (element.Name)
        {
            case "block":
                EmitChildren(element.Children, target);
                return;
            case "wxs" or "import":
                return;
            case "template" when element.GetAttribute("name") is not null:
                return;
            case "template":
                EmitTemplateCall(element, target);
                return;
            case "include":
                if (element.GetAttribute("src") is { } src && _references.Wxml(_file, src) is { } included)
                {
                    Depend(DataVariable, -1);
                    _writer.Line($"$inc({JsWriter.String(included)},{DataVariable},{target});", element.NameSpan);
                }
                return;
        }
        var variable = NewVariable("e");
        _writer.Line($"var {variable}=$e({JsWriter.String("wx-" + element.Name)});", element.NameSpan);
        EmitAttributes(element, variable);
        _writer.Line($"{target}.push({variable});");
        EmitChildren(element.Children, variable + ".children");
    }

    private void EmitTemplateCall(WxmlElement element, string target)
    {
        if (element.GetAttribute("is") is not { Value: not null } isAttribute)
        {
            return;
        }
        var data = "undefined";
        if (element.GetAttribute("data") is { Value: { } value } dataAttribute && Interpolation.IsSingleExpression(value))
        {
            var body = ExpressionParser.ParseObjectBody(value[2..^2], dataAttribute.ValueSpan.Start + 2, _file, _diagnostics);
            if (body is not null)
            {
                data = ExprEmitter.Emit(body, Resolve);
            }
        }
        _writer.Line($"$tpl({JsWriter.String(_file.Path)},{AttributeValue(isAttribute)},{data},{target});", element.NameSpan);
    }

    /// <summary>
    /// Attributes as wcc writes them: names with dashes camelCased (except <c>data-*</c> and names with a colon),
    /// value-less attributes first, each group sorted by name; <c>generic:*</c> into <c>generics</c>;
    /// <c>model:*</c> bound like the plain attribute and kept as written in <c>rawAttr</c>; other <c>wx:*</c> dropped.
    /// </summary>
    private void EmitAttributes(WxmlElement element, string variable)
    {
        var ordered = element.Attributes
            .Where(a => !a.Name.StartsWith("wx:", StringComparison.Ordinal) && !a.Name.StartsWith("generic:", StringComparison.Ordinal))
            .OrderBy(a => a.Value is null ? 0 : 1)
            .ThenBy(a => a.Name, StringComparer.Ordinal);
        foreach (var attribute in ordered)
        {
            var name = attribute.Name.StartsWith("model:", StringComparison.Ordinal) ? attribute.Name["model:".Length..] : attribute.Name;
            _writer.Line($"{JsWriter.Member(variable + ".attr", AttributeKey(name))}={AttributeValue(attribute)};", attribute.NameSpan);
        }
        foreach (var generic in element.Attributes.Where(a => a.Name.StartsWith("generic:", StringComparison.Ordinal)))
        {
            _writer.Line($"{variable}.generics[{JsWriter.String("wx-" + generic.Name["generic:".Length..])}]={JsWriter.String("wx-" + generic.Value)};");
        }
        var models = element.Attributes.Where(a => a.Name.StartsWith("model:", StringComparison.Ordinal)).ToList();
        if (models.Count > 0)
        {
            var raw = string.Join(",", models.Select(m => $"{JsWriter.String(m.Name)}:{JsWriter.String(m.Value ?? "")}"));
            _writer.Line($"{variable}.rawAttr={{{raw}}};");
        }
    }

    /// <summary><c>hover-class</c> → <c>hoverClass</c>; <c>data-*</c>, names with a colon and names without a dash stay.</summary>
    internal static string AttributeKey(string name)
    {
        if (name.StartsWith("data-", StringComparison.Ordinal) || name.Contains(':') || !name.Contains('-'))
        {
            return name;
        }
        var parts = name.Split('-');
        return parts[0] + string.Concat(parts.Skip(1).Where(p => p.Length > 0).Select(p => char.ToUpperInvariant(p[0]) + p[1..]));
    }

    private void EmitText(WxmlText text, string target)
    {
        if (IsBlank(text.Raw))
        {
            return;
        }
        var segments = Interpolation.Split(text.Raw, text.Span.Start, _file, _diagnostics);
        _writer.Line($"{target}.push({Concatenate(segments, WccEscapes.Text)});", text.Span);
    }

    /// <summary>Text made only of spaces, tabs and line breaks, which wcc drops.</summary>
    private static bool IsBlank(string text) => text.All(c => c is ' ' or '\t' or '\n' or '\r' or '\f');

    /// <summary>
    /// An attribute's value: <c>true</c> when bare, the expression's own value when the attribute is exactly
    /// one <c>{{ }}</c>, otherwise the text with each expression converted to a string.
    /// </summary>
    private string AttributeValue(WxmlAttribute attribute)
    {
        if (attribute.Value is null)
        {
            return "true";
        }
        var segments = Interpolation.Split(attribute.Value, attribute.ValueSpan.Start, _file, _diagnostics);
        return segments is [ExprSegment only] && Interpolation.IsSingleExpression(attribute.Value)
            ? ExprEmitter.Emit(only.Expr, Resolve)
            : Concatenate(segments, WccEscapes.Attribute);
    }

    /// <summary>The segments as one string expression; <paramref name="literal"/> gives wcc's reading of the text between expressions.</summary>
    private string Concatenate(List<Segment> segments, Func<string, string> literal)
    {
        if (segments.Count == 0)
        {
            return "\"\"";
        }
        var parts = segments.Select(segment => segment switch
        {
            TextSegment text => JsWriter.String(literal(text.Text)),
            ExprSegment expression => $"{RuntimeNames.Text}({ExprEmitter.Emit(expression.Expr, Resolve)})",
            _ => throw new InvalidOperationException("unknown segment"),
        });
        return segments[0] is TextSegment ? string.Join("+", parts) : "\"\"+" + string.Join("+", parts);
    }
}
