using System.Net;
using Capsule.Compiler.Diagnostics;
using Capsule.Compiler.Wxml.Expressions;
using Capsule.Compiler.Wxml.Syntax;

namespace Capsule.Compiler.Wxml.Codegen;

/// <summary>
/// Generates a page's render function: JavaScript that, given the page data, returns the virtual DOM
/// in wcc's shape (<c>{tag:"wx-page",children:[…]}</c>, elements as <c>{tag,attr,children}</c>, text as strings).
/// </summary>
internal sealed class RenderEmitter
{
    private const string DataVariable = "D";

    private static readonly HashSet<string> s_controlAttributes =
        ["wx:for", "wx:for-items", "wx:for-item", "wx:for-index", "wx:key", "wx:if", "wx:elif", "wx:else"];

    private readonly SourceFile _file;
    private readonly DiagnosticBag _diagnostics;
    private readonly JsWriter _writer = new();
    private readonly List<Dictionary<string, string>> _scopes = [];
    private int _counter;

    private RenderEmitter(SourceFile file, DiagnosticBag diagnostics)
    {
        _file = file;
        _diagnostics = diagnostics;
    }

    /// <summary>Returns a JavaScript function expression <c>function (D) { … }</c> for the document.</summary>
    public static string EmitPage(WxmlDocument document, DiagnosticBag diagnostics)
    {
        var emitter = new RenderEmitter(document.File, diagnostics);
        using (emitter._writer.Block($"function ({DataVariable})"))
        {
            emitter._writer.Line("var R = {tag: \"wx-page\", children: []};");
            emitter.EmitChildren(document.Children, "R.children");
            emitter._writer.Line("return R;");
        }
        return emitter._writer.ToString();
    }

    private string Resolve(string name)
    {
        for (var i = _scopes.Count - 1; i >= 0; i--)
        {
            if (_scopes[i].TryGetValue(name, out var local))
            {
                return local;
            }
        }
        return $"{RuntimeNames.Get}({DataVariable},{JsWriter.String(name)})";
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
                case WxmlElement element when element.GetAttribute("wx:elif") is { } orphan:
                    _diagnostics.Error(_file, orphan.NameSpan, "wx:elif must follow an element with wx:if or wx:elif");
                    break;
                case WxmlElement element when element.GetAttribute("wx:else") is { } orphan:
                    _diagnostics.Error(_file, orphan.NameSpan, "wx:else must follow an element with wx:if or wx:elif");
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
        using (_writer.Block($"if ({Condition(head.GetAttribute("wx:if")!)})"))
        {
            EmitElement(head, target);
        }
        for (var i = start + 1; i < nodes.Count; i++)
        {
            if (nodes[i] is WxmlText text && string.IsNullOrWhiteSpace(text.Raw))
            {
                continue;
            }
            if (nodes[i] is not WxmlElement next)
            {
                break;
            }
            if (next.GetAttribute("wx:elif") is { } elif)
            {
                using (_writer.Block($"else if ({Condition(elif)})"))
                {
                    EmitRepeated(next, target);
                }
                last = i;
                continue;
            }
            if (next.GetAttribute("wx:else") is not null)
            {
                using (_writer.Block("else"))
                {
                    EmitRepeated(next, target);
                }
                last = i;
            }
            break;
        }
        return last;
    }

    private string Condition(WxmlAttribute attribute) => $"{AttributeValue(attribute)}";

    private static bool IsLoop(WxmlElement element) =>
        element.GetAttribute("wx:for") is not null || element.GetAttribute("wx:for-items") is not null;

    /// <summary>Emits an element once, or once per item when it has <c>wx:for</c>.</summary>
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
        using (_writer.Block($"{RuntimeNames.For}({collection}, function ({item}, {index})", "});"))
        {
            if (element.GetAttribute("wx:if") is { } condition)
            {
                using (_writer.Block($"if ({Condition(condition)})"))
                {
                    EmitElement(element, target);
                }
            }
            else
            {
                EmitElement(element, target);
            }
        }
        _scopes.RemoveAt(_scopes.Count - 1);
    }

    private void EmitElement(WxmlElement element, string target)
    {
        if (element.Name == "block")
        {
            EmitChildren(element.Children, target);
            return;
        }
        var variable = NewVariable("e");
        _writer.Line($"var {variable} = {{tag: {JsWriter.String("wx-" + element.Name)}, attr: {{}}, children: []}};");
        foreach (var attribute in element.Attributes)
        {
            if (!s_controlAttributes.Contains(attribute.Name))
            {
                _writer.Line($"{variable}.attr[{JsWriter.String(attribute.Name)}] = {AttributeValue(attribute)};");
            }
        }
        _writer.Line($"{target}.push({variable});");
        EmitChildren(element.Children, variable + ".children");
    }

    private void EmitText(WxmlText text, string target)
    {
        if (string.IsNullOrWhiteSpace(text.Raw))
        {
            return;
        }
        var segments = Interpolation.Split(text.Raw, text.Span.Start, _file, _diagnostics);
        _writer.Line($"{target}.push({Concatenate(segments)});");
    }

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
        if (segments is [ExprSegment only] && attribute.Value.Trim().StartsWith("{{", StringComparison.Ordinal)
            && attribute.Value.Trim().EndsWith("}}", StringComparison.Ordinal))
        {
            return ExprEmitter.Emit(only.Expr, Resolve);
        }
        return Concatenate(segments);
    }

    private string Concatenate(List<Segment> segments)
    {
        if (segments.Count == 0)
        {
            return "\"\"";
        }
        var parts = segments.Select(segment => segment switch
        {
            TextSegment literal => JsWriter.String(WebUtility.HtmlDecode(literal.Text)),
            ExprSegment expression => $"{RuntimeNames.Text}({ExprEmitter.Emit(expression.Expr, Resolve)})",
            _ => throw new InvalidOperationException("unknown segment"),
        });
        return segments[0] is TextSegment ? string.Join(" + ", parts) : "\"\" + " + string.Join(" + ", parts);
    }
}
