namespace Capsule.Compiler.Wxml.Codegen;

/// <summary>The helpers every view bundle starts with (see <see cref="RuntimeNames"/>).</summary>
internal static class ViewPrelude
{
    public const string Source = """
        var $g = function (o, k) { return o === null || o === undefined ? undefined : o[k]; };
        var $c = function (o, f, a) {
          var fn = typeof f === "function" ? f : $g(o, f);
          return typeof fn === "function" ? fn.apply(o, a) : undefined;
        };
        var $t = function (v) {
          if (v === undefined || v === null) return "";
          if (typeof v === "object") return JSON.stringify(v);
          return String(v);
        };
        var $f = function (c, fn) {
          var i;
          if (Array.isArray(c) || typeof c === "string") { for (i = 0; i < c.length; i++) fn(c[i], i); }
          else if (typeof c === "number") { for (i = 0; i < c; i++) fn(i, i); }
          else if (c && typeof c === "object") { for (i in c) if (Object.prototype.hasOwnProperty.call(c, i)) fn(c[i], i); }
        };

        """;
}
