using Capsule.Compiler.Diagnostics;
using Capsule.Compiler.Wxml.Syntax;

namespace Capsule.Compiler.Wxml.Codegen;

/// <summary>
/// How a file emitter names the other files it uses. Each method resolves the path against the referring
/// file, schedules the file for compilation, and returns its key, or null (after a diagnostic) when it is missing.
/// </summary>
internal interface IViewReferences
{
    /// <summary>The WXML file named by an <c>&lt;import src&gt;</c> or <c>&lt;include src&gt;</c>.</summary>
    string? Wxml(SourceFile from, WxmlAttribute src);

    /// <summary>The .wxs file named by <c>&lt;wxs src&gt;</c>.</summary>
    string? Wxs(SourceFile from, WxmlAttribute src);

    /// <summary>Registers the code of an inline <c>&lt;wxs module&gt;</c>, which starts at <paramref name="offset"/> in the file.</summary>
    string InlineWxs(SourceFile from, string module, string code, int offset);
}
