using Capsule.Compiler.Diagnostics;

namespace Capsule.Compiler.Wxml.Syntax;

/// <summary>A node of a parsed WXML file.</summary>
public abstract record WxmlNode(SourceSpan Span);

/// <summary>An element such as <c>&lt;view class="a"&gt;…&lt;/view&gt;</c>.</summary>
public sealed record WxmlElement(
    string Name,
    IReadOnlyList<WxmlAttribute> Attributes,
    IReadOnlyList<WxmlNode> Children,
    SourceSpan Span,
    SourceSpan NameSpan) : WxmlNode(Span)
{
    public WxmlAttribute? GetAttribute(string name) => Attributes.FirstOrDefault(a => a.Name == name);
}

/// <summary>Character data between tags, entities still encoded, <c>{{ }}</c> not yet split.</summary>
public sealed record WxmlText(string Raw, SourceSpan Span) : WxmlNode(Span);

/// <summary>An attribute; <see cref="Value"/> is null for a bare attribute such as <c>disabled</c>.</summary>
public sealed record WxmlAttribute(string Name, string? Value, SourceSpan NameSpan, SourceSpan ValueSpan);

/// <summary>A whole WXML file.</summary>
public sealed record WxmlDocument(SourceFile File, IReadOnlyList<WxmlNode> Children);
