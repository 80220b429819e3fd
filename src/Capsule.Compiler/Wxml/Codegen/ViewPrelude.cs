using Capsule.Compiler.Minification;

namespace Capsule.Compiler.Wxml.Codegen;

/// <summary>
/// The helpers every view bundle starts with (see <see cref="RuntimeNames"/>): safe reads and calls, text
/// conversion, wx:for iteration, the tables of compiled WXML files ($F) and WXS modules ($W), template
/// and include calls, the WXS globals getRegExp and getDate, and $ctor, the
/// key of the WXS <c>constructor</c> (see <see cref="WxsDialect"/>).
/// </summary>
internal static class ViewPrelude
{
    /// <summary>The helpers as written, for readable view scripts.</summary>
    public const string Source = """
        var $own = function (o, k) { return Object.prototype.hasOwnProperty.call(o, k); };
        var $g = function (o, k) { return o === null || o === undefined ? undefined : o[k]; };
        var $c = function (o, f, a) {
          try {
            var fn = typeof f === "function" ? f : $g(o, f);
            return typeof fn === "function" ? fn.apply(o, a) : undefined;
          } catch (e) { return undefined; }
        };
        var $t = function (v) {
          if (v === undefined) return "";
          try { return String(v); } catch (e) { return ""; }
        };
        var $f = function (c, fn) {
          var i;
          if (Array.isArray(c) || typeof c === "string") { for (i = 0; i < c.length; i++) fn(c[i], i); }
          else if (typeof c === "number") { for (i = 0; i < c; i++) fn(i, i); }
          else if (c && typeof c === "object") { for (i in c) if ($own(c, i)) fn(c[i], i); }
        };
        var $k = function (P, s, loop, k) {
          if (k === undefined || k === null || typeof k === "object") return;
          for (var i = s; i < P.length; i++) {
            if (P[i] && typeof P[i] === "object") {
              var inner = P[i].key;
              Object.defineProperty(P[i], "key", {value: loop + ":" + $t(k) + (P.length - s > 1 ? "#" + (i - s) : "") + (inner ? "/" + inner : ""), configurable: true});
            }
          }
        };
        var $e = function (tag) { return {tag: tag, attr: {}, children: [], raw: {}, generics: {}}; };
        var $F = {}, $W = {}, $WC = {}, $active = [];
        var $find = function (file, name) {
          var f = $F[file], i, g;
          if (!f) return undefined;
          if ($own(f.t, name)) return f.t[name];
          for (i = f.i.length - 1; i >= 0; i--) { g = $F[f.i[i]]; if (g && $own(g.t, name)) return g.t[name]; }
          return undefined;
        };
        var $guard = function (fn, D, P, M) {
          if ($active.indexOf(fn) >= 0) return;
          $active.push(fn);
          try { fn(D, P, M); } finally { $active.pop(); }
        };
        var $tpl = function (file, name, data, P) {
          var fn = $find(file, name);
          if (fn) $guard(fn, data || {}, P);
        };
        var $inc = function (file, D, P, M) { var f = $F[file]; if (f) $guard(f.r, D, P, M); };
        var $m = function (M, key, deps, P) {
          if (!M) return null;
          var e = M.p.get(key), i = 0;
          if (e && e.d.length === deps.length) {
            while (i < deps.length && e.d[i] === deps[i]) i++;
            if (i === deps.length) {
              M.n.set(key, e);
              for (i = 0; i < e.v.length; i++) P.push(e.v[i]);
              return true;
            }
          }
          return {k: key, d: deps};
        };
        var $ms = function (M, m, P, s) { if (m) M.n.set(m.k, {d: m.d, v: P.slice(s)}); };
        var $ctor = (function (key) {
          if (!$own(Object.prototype, key)) {
            Object.defineProperty(Object.prototype, key, {
              get: function () { return Object.prototype.toString.call(this).slice(8, -1); }
            });
          }
          return key;
        })(Symbol.for("capsule.wxs.constructor"));
        var $getRegExp = function (pattern, flags) { return new RegExp(pattern, flags); };
        var $getDate = function () {
          var a = Array.prototype.slice.call(arguments);
          return a.length === 0 ? new Date() : new (Function.prototype.bind.apply(Date, [null].concat(a)))();
        };
        var $w = function (key) {
          if (!$own($WC, key)) {
            var module = {exports: {}};
            $WC[key] = module;
            var factory = $W[key];
            if (factory) {
              factory(module, module.exports, function (request) { return $w($wr(key, request)); }, $getRegExp, $getDate);
            }
          }
          return $WC[key].exports;
        };
        var $wr = function (from, request) {
          var parts = request.charAt(0) === "/" ? [] : from.split("#")[0].split("/").slice(0, -1);
          request.split("/").forEach(function (p) { if (p === "..") parts.pop(); else if (p && p !== ".") parts.push(p); });
          var path = parts.join("/");
          return /\.wxs$/.test(path) ? path : path + ".wxs";
        };
        var $page = function (file) {
          return function (D, M) {
            var R = {tag: "wx-page", children: []};
            if (M) M.n = new Map();
            $inc(file, D, R.children, M);
            if (M) M.p = M.n;
            return R;
          };
        };

        """;

    /// <summary>The helpers minified, for minified view scripts.</summary>
    public static string Minified { get; } = JsMinifier.Minify(Source, ScriptTokens.Tokenize(Source)!).Text;
}
