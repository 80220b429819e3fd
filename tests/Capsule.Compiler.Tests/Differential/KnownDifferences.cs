namespace Capsule.Compiler.Tests.Differential;

/// <summary>
/// Cases where we deliberately differ from wcc, with the reason. A listed case fails if it starts to match,
/// so this list only ever shrinks to the true quirks.
/// </summary>
internal static class KnownDifferences
{
    private const string UnusedFiles =
        "wcc fails the whole project for an error in a file no page uses; we compile what the pages reach, " +
        "so a stray broken file does not stop a program that WeChat users would never see break";

    private const string WxsIsJavaScript =
        "we run WXS as JavaScript, so ES6 syntax that the 2020 wcc in npm rejects works; no program that wcc accepts changes meaning";

    private const string NewlineInAttribute =
        "the 2020 wcc in npm rejects a line break inside an attribute value; we keep it, which cannot change a page wcc accepts";

    private static readonly Dictionary<string, string> s_reasons = new()
    {
        ["probe/err-in-unused-wxml-file"] = UnusedFiles,
        ["probe/err-in-unused-wxs-file"] = UnusedFiles,
        ["probe/wxs-inline-arrow"] = WxsIsJavaScript,
        ["probe/wxs-inline-es6-const"] = WxsIsJavaScript,
        ["probe/attr-plain"] = NewlineInAttribute,
        ["probe/attr-newline-value"] = NewlineInAttribute,
        ["probe/comment-unclosed"] =
            "wcc silently drops everything after an unclosed <!--; we report it, since hiding the rest of a page is never meant",
        ["probe/escape-before-expression-in-attribute"] =
            "wcc unescapes an attribute value before it looks for {{ }}, so b=\"\\{{3}}\" is the number 3; we keep the backslash " +
            "as text before the expression (b is \"\\3\"), a corner no program is known to rely on",
        ["probe/runtime-dom-limit"] =
            "wcc's generated code throws past 16,000 nodes; the render function has no cap, page size is the runtime's concern",
    };

    public static string? Reason(string id) => s_reasons.GetValueOrDefault(id);
}
