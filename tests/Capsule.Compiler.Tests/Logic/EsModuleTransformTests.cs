using Acornima;
using Capsule.Compiler.Diagnostics;
using Capsule.Compiler.Logic;
using Capsule.Compiler.Minification;
using Capsule.Compiler.Tests.Minification;
using Jint;

namespace Capsule.Compiler.Tests.Logic;

public sealed class EsModuleTransformTests
{
    /// <summary>
    /// A minimal CommonJS loader for modules wrapped as the logic bundle wraps them
    /// (<c>__capsuleDefine(path, function (module, exports, require) { … })</c>): modules are cached before they
    /// run (so cycles see partial exports) and specifiers resolve relative to the requiring module, with <c>.js</c> optional.
    /// </summary>
    private const string Loader = """
        var definitions = {}, cache = {};
        function __capsuleDefine(path, factory) { definitions[path] = factory; }
        function resolve(from, specifier) {
          var parts = specifier.charAt(0) === "." ? from.split("/").slice(0, -1) : [];
          specifier.split("/").forEach(function (part) {
            if (part === "..") { parts.pop(); } else if (part !== "." && part !== "") { parts.push(part); }
          });
          var path = parts.join("/");
          return /\.js$/.test(path) ? path : path + ".js";
        }
        function requireFrom(from, specifier) {
          var path = resolve(from, specifier);
          if (cache[path]) { return cache[path].exports; }
          if (!definitions[path]) { throw new Error("no module " + path); }
          var module = { exports: {} };
          cache[path] = module;
          definitions[path].call(undefined, module, module.exports, function (s) { return requireFrom(path, s); });
          return module.exports;
        }
        function load(path) { return requireFrom("", path); }
        """;

    private static readonly string[] s_fuzzSeeds =
    [
        "import a, { b as c, d } from './x';\nimport * as ns from \"../y/index.js\";\nimport './side';\nexport default function () { return a + c(d) + ns.z; }\n",
        "export const x = 1, { y, z: [w = 2] } = o;\nexport let n;\nexport function f() { return x; }\nexport class K { m() { return f(); } }\n",
        "import { v } from 'v';\nexport { v, v as w };\nexport { q as default, r } from './q';\nexport * from './s';\nexport * as t from './t';\n",
        "import d from 'd'\nconst o = { d, e: d, [d]: 1, d() { return d } }\nfunction g(d) { return d }\n;(() => d)()\nexport default o\n",
        "import { h } from './h';\nlabel: for (const h of []) { break label; }\nclass C { h = h; static { h; } [h]() {} }\nh`tpl ${h}`;\nexport { C as 'odd name' };\n",
        "import x from 'x';\nexport default (x, x)\n(x)\nexport async function* gen() { yield await x; }\nexport { x as y } from 'x'\n",
    ];

    private static readonly string[] s_fuzzLines =
    [
        "import q from './q';", "import { a as q2 } from 'q'", "import * as q3 from './q3.js';", "export const r = a;",
        "export { r as r2 };", "export default q;", "export * from 'all';", "export function rf() { return q; }",
        "if (a) { let q = 1; q++; }", "(function () {})()", "`${a}`", "[a, q] = [1, 2]", "export class RC extends (a) {}",
    ];

    private static readonly string[] s_fuzzFragments =
    [
        "import", "export", "default", " from ", " as ", "*", "{", "}", "(", ")", "[", "]", ";", ",", "\n", "'m'",
        "`", "${", "/*", "*/", "//", "=>", "=", ".", "function", "class", "const", "let", "var", "await", "async",
        "import(", "import.meta", "new.target", "this", "x", "0", "\"", "\\u0061", "#p", "?.", "...",
    ];

    [Fact]
    public void Default_import_of_an_es_module_reads_its_default_export()
    {
        var result = Run(new()
        {
            ["main.js"] = "import greet from './greet';\nimport answer from './answer.js';\nexport const result = greet('wx') + answer;",
            ["greet.js"] = "export default function (name) { return 'hi ' + name; }",
            ["answer.js"] = "export default 40 + 2",
        }, "load('main.js').result");
        Assert.Equal("hi wx42", result);
    }

    [Fact]
    public void Default_import_of_a_commonjs_module_gets_its_whole_module_exports()
    {
        var result = Run(new()
        {
            ["main.js"] = "import double from './lib';\nexport const result = double(21) + double.extra;",
            ["lib.js"] = "module.exports = function (x) { return x * 2; };\nmodule.exports.extra = 1;",
        }, "load('main.js').result");
        Assert.Equal(43d, result);
    }

    [Fact]
    public void Default_import_of_a_compiled_module_with_the_es_module_flag_reads_default()
    {
        var result = Run(new()
        {
            ["main.js"] = "import value, { other } from './compiled';\nexport const result = value + other;",
            ["compiled.js"] = "Object.defineProperty(exports, '__esModule', { value: true });\nexports.default = 'compiled';\nexports.other = '!';",
        }, "load('main.js').result");
        Assert.Equal("compiled!", result);
    }

    [Fact]
    public void Named_imports_with_aliases_read_es_and_commonjs_exports()
    {
        var result = Run(new()
        {
            ["pages/main.js"] = "import { a, b as bee, default as dflt } from '../util/index.js';\nimport { c } from '../cjs';\nexport const result = [a, bee(), c, dflt].join(',');",
            ["util/index.js"] = "export const a = 1;\nexport function b() { return 2; }\nexport default 'd';",
            ["cjs.js"] = "exports.c = 3;",
        }, "load('pages/main.js').result");
        Assert.Equal("1,2,3,d", result);
    }

    [Fact]
    public void Named_imports_are_live_bindings()
    {
        var result = Run(new()
        {
            ["main.js"] = "import { count, increment } from './counter';\nincrement();\nincrement();\nexport const atLoad = count;\nexport function read() { return count; }",
            ["counter.js"] = "export let count = 0;\nexport function increment() { count += 1; }",
        }, "var m = load('main.js'); load('counter.js').increment(); [m.atLoad, m.read()].join(',')");
        Assert.Equal("2,3", result);
    }

    [Fact]
    public void Namespace_import_of_an_es_module_is_its_exports_and_of_commonjs_a_copy_with_default()
    {
        var result = Run(new()
        {
            ["main.js"] = "import * as util from './util';\nimport * as cjs from './cjs';\nexport const result = [util.a, typeof util.b, cjs.c, cjs.default.c, util === load('util.js')].join(',');",
            ["util.js"] = "export const a = 1;\nexport function b() {}",
            ["cjs.js"] = "exports.c = 3;",
        }, "load('main.js').result");
        Assert.Equal("1,function,3,3,true", result);
    }

    [Fact]
    public void Imports_run_before_the_module_body_in_source_order()
    {
        var result = Run(new()
        {
            ["main.js"] = "import { entries } from './log';\nentries.push('main');\nimport './first';\nimport './second';\nexport const result = entries.join(',');",
            ["log.js"] = "export const entries = [];",
            ["first.js"] = "import { entries } from './log';\nentries.push('first');",
            ["second.js"] = "require('./log').entries.push('second');",
        }, "load('main.js').result");
        Assert.Equal("first,second,main", result);
    }

    [Fact]
    public void Re_exports_and_export_star_expose_the_other_modules_bindings()
    {
        var files = new Dictionary<string, string>
        {
            ["index.js"] = "export * from './more';\nexport { a, f as g } from './lib';\nexport { default as lib } from './lib';\nexport { default as cjs } from './cjs';\nexport * as ns from './lib';\nexport const own = 'own';",
            ["lib.js"] = "export const a = 1;\nexport default 'def';\nexport function f() { return 'f'; }",
            ["more.js"] = "export const m = 'm';\nexport const a = 'shadowed';\nexport const own = 'shadowed';\nexport default 'ignored';",
            ["cjs.js"] = "module.exports = 'whole';",
        };
        Assert.Equal("1,f,def,whole,m,own,1,def", Run(files, "var i = load('index.js'); [i.a, i.g(), i.lib, i.cjs, i.m, i.own, i.ns.a, i.ns.default].join(',')"));
        Assert.Equal("a,cjs,g,lib,m,ns,own", Run(files, "Object.keys(load('index.js')).sort().join(',')"));
    }

    [Fact]
    public void Local_export_lists_declarations_and_destructuring_are_exported()
    {
        var result = Run(new()
        {
            ["lib.js"] = "const one = 1, two = 2;\nexport { one, two as deux, one as 'un-nom' };\nexport const { x, y: [z] } = { x: 'x', y: ['z'] };\nexport var v = 'v';\nexport class K { static k() { return 'k'; } }\nexport default { total: one + two }",
        }, "var l = load('lib.js'); [l.one, l.deux, l['un-nom'], l.x, l.z, l.v, l.K.k(), l.default.total, l.__esModule, Object.keys(l).sort().join('|')].join(',')");
        Assert.Equal("1,2,1,x,z,v,k,3,true,K|default|deux|one|un-nom|v|x|z", result);
    }

    [Fact]
    public void An_exported_function_can_be_called_before_its_declaration_even_from_a_module_in_a_cycle()
    {
        var result = Run(new()
        {
            ["a.js"] = "import { early } from './b';\nexport const direct = helper();\nexport const viaB = early;\nexport function helper() { return 'helped'; }\nexport default function () { return 'anonymous'; }",
            ["b.js"] = "import { helper } from './a';\nimport anonymous from './a';\nexport const early = helper() + '+' + anonymous();",
        }, "var a = load('a.js'); a.direct + ',' + a.viaB");
        Assert.Equal("helped,helped+anonymous", result);
    }

    [Fact]
    public void Modules_that_import_each_others_functions_work_when_the_functions_are_called_later()
    {
        var result = Run(new()
        {
            ["main.js"] = "import { isEven } from './even';\nimport { isOdd } from './odd';\nexport const result = [isEven(10), isOdd(7), isEven(3)].join(',');",
            ["even.js"] = "import { isOdd } from './odd';\nexport function isEven(n) { return n === 0 ? true : isOdd(n - 1); }",
            ["odd.js"] = "import { isEven } from './even';\nexport function isOdd(n) { return n === 0 ? false : isEven(n - 1); }",
        }, "load('main.js').result");
        Assert.Equal("true,true,false", result);
    }

    [Fact]
    public void A_constant_read_from_a_module_still_loading_in_a_cycle_is_undefined_as_with_babel()
    {
        var result = Run(new()
        {
            ["a.js"] = "import { seen } from './b';\nexport const A = 'a';\nexport const result = seen + ',' + A;",
            ["b.js"] = "import { A } from './a';\nexport const seen = typeof A;",
        }, "load('a.js').result");
        Assert.Equal("undefined,a", result);
    }

    [Fact]
    public void Local_names_that_shadow_an_import_are_left_alone()
    {
        var result = Run(new()
        {
            ["main.js"] = """
                import { value, whoAmI } from './lib';
                function param(value) { return value; }
                const block = (() => { const value = 'block'; return value; })();
                const named = (function value() { return typeof value; })();
                const shorthand = { value };
                const { value: renamed = 'x' } = { value: 'pattern' };
                class C { value() { return value; } }
                try { throw 'caught'; } catch (value) { var fromCatch = value; }
                value: for (;;) { break value; }
                function hoisted() { return typeof value; function value() {} }
                function fromBlock() { { var value = 'var'; } return value; }
                const K = class value { static m() { return typeof value; } };
                export const result = [param('param'), block, named, shorthand.value, renamed, new C().value(), fromCatch, value, whoAmI() === undefined].join(',');
                export const more = [hoisted(), fromBlock(), K.m(), ((x = value) => x)(), `${value}`].join(',');
                """,
            ["lib.js"] = "export const value = 'imported';\nexport function whoAmI() { return this; }",
        }, "var m = load('main.js'); m.result + ';' + m.more");
        Assert.Equal("param,block,function,imported,pattern,imported,caught,imported,true;function,var,function,imported,imported", result);
    }

    [Fact]
    public void Removed_imports_do_not_join_the_statements_around_them()
    {
        var result = Run(new()
        {
            ["main.js"] = "export const list = []\nimport './side'\n(function () { list.push('iife') })()\nexport default list",
            ["side.js"] = "",
        }, "load('main.js').default.join(',')");
        Assert.Equal("iife", result);
    }

    [Fact]
    public void Statements_keep_their_line_numbers()
    {
        var source = "import {\n  a,\n  b\n} from './x';\nexport {\n  a\n};\nexport default function () {}\nconst marker = 1;\nexport * from './y';\nconst last = 2;\n";
        var output = Transform(source).Split('\n');
        var lines = source.Split('\n');
        Assert.Equal(lines.Length, output.Length);
        Assert.Equal(Array.IndexOf(lines, "const marker = 1;"), Array.IndexOf(output, "const marker = 1;"));
        Assert.Equal(Array.IndexOf(lines, "const last = 2;"), Array.IndexOf(output, "const last = 2;"));
    }

    [Theory]
    [InlineData("module.exports = { a: require('./a') };\nexports.b = 1;")]
    [InlineData("var x = 1;\nfunction f() { return x; }")]
    [InlineData("var s = \"import x from 'y'\"; // export default s\nwith (Math) { s += PI; }")]
    public void A_commonjs_file_is_returned_unchanged(string source)
    {
        var diagnostics = new DiagnosticBag();
        Assert.Same(source, EsModuleTransform.Transform(new SourceFile("a.js", source), diagnostics).Text);
        Assert.Empty(diagnostics);
    }

    [Theory]
    [InlineData("import a from './a';\nconst x = ;", 2, 11, "Unexpected token ';'")]
    [InlineData("var a = require('./a');\nvar b = {;", 2, 10, "Unexpected token ';'")]
    [InlineData("var x = 1;\nimport a from './a';\nwith (x) {}", 3, 1, "Strict mode code may not include a with statement")]
    [InlineData("export const s = 'unterminated\n", 1, 18, "Invalid or unexpected token")]
    public void A_syntax_error_is_reported_at_its_position_and_the_source_returned(string source, int line, int column, string message)
    {
        var diagnostics = new DiagnosticBag();
        var output = EsModuleTransform.Transform(new SourceFile("pages/a.js", source), diagnostics).Text;
        Assert.Same(source, output);
        var diagnostic = Assert.Single(diagnostics);
        Assert.Equal($"pages/a.js:{line}:{column}: JavaScript syntax error: {message}", diagnostic.ToString());
    }

    [Theory]
    [InlineData("import a from './a';\nexport const p = import('./b');", 2, 18, "dynamic import() is not supported in mini programs")]
    [InlineData("var a = 1;\nimport('./b').then(function () {});", 2, 1, "dynamic import() is not supported in mini programs")]
    [InlineData("export const url = import.meta.url;", 1, 20, "import.meta is not supported in mini programs")]
    [InlineData("const url = import.meta.url;", 1, 13, "import.meta is not supported in mini programs")]
    [InlineData("import a from './a';\nexport const v = await a;", 2, 18, "top-level await is not supported in mini programs")]
    public void Unsupported_module_features_are_reported(string source, int line, int column, string message)
    {
        var diagnostics = new DiagnosticBag();
        EsModuleTransform.Transform(new SourceFile("a.js", source), diagnostics);
        var diagnostic = Assert.Single(diagnostics);
        Assert.Equal((line, column, message), (diagnostic.Line, diagnostic.Column, diagnostic.Message));
    }

    [Fact]
    public void Nesting_too_deep_to_parse_is_reported()
    {
        var source = "import a from './a';\nexport const x = " + new string('[', 100_000) + new string(']', 100_000) + ";";
        var diagnostics = new DiagnosticBag();
        Assert.Same(source, EsModuleTransform.Transform(new SourceFile("a.js", source), diagnostics).Text);
        Assert.Equal("a.js:1:1: JavaScript file is nested too deeply to compile", Assert.Single(diagnostics).ToString());
    }

    [Fact]
    public void Transform_never_throws_and_its_output_always_parses_and_minifies_to_the_same_program()
    {
        var random = new Random(20240611);
        var parser = new Parser();
        for (var i = 0; i < 4000; i++)
        {
            var source = s_fuzzSeeds[i % s_fuzzSeeds.Length];
            if (i >= s_fuzzSeeds.Length)
            {
                source = Mutate(source, random);
            }
            var diagnostics = new DiagnosticBag();
            var script = EsModuleTransform.Transform(new SourceFile("fuzz.js", source), diagnostics, tokenize: true);
            var output = script.Text;
            Assert.All(diagnostics, d => Assert.False(string.IsNullOrEmpty(d.ToStringWithExcerpt())));
            if (diagnostics.Count == 0)
            {
                var wrapped = "(function (module, exports, require) {\n" + output + "\n})";
                var exception = Record.Exception(() => parser.ParseScript(wrapped));
                Assert.True(exception is null, $"{exception?.Message}\n--- input\n{source}\n--- output\n{output}");
                JsShape.AssertSame(output, JsMinifier.Minify(output, script.Tokens!).Text);
            }
        }
    }

    /// <summary>Line edits (which mostly keep the module valid, exercising the rewrite) and character edits (which mostly break it).</summary>
    private static string Mutate(string source, Random random)
    {
        var mutations = random.Next(1, 4);
        for (var m = 0; m < mutations; m++)
        {
            var lines = source.Split('\n').ToList();
            var line = random.Next(lines.Count);
            var position = random.Next(source.Length + 1);
            switch (random.Next(6))
            {
                case 0:
                    lines.RemoveAt(line);
                    source = string.Join('\n', lines);
                    break;
                case 1:
                    lines.Insert(line, lines[random.Next(lines.Count)]);
                    source = string.Join('\n', lines);
                    break;
                case 2:
                    lines.Insert(line, s_fuzzLines[random.Next(s_fuzzLines.Length)]);
                    source = string.Join('\n', lines);
                    break;
                case 3:
                    source = source.Remove(position, Math.Min(random.Next(1, 12), source.Length - position));
                    break;
                case 4:
                    source = source.Insert(position, s_fuzzFragments[random.Next(s_fuzzFragments.Length)]);
                    break;
                default:
                    var start = random.Next(source.Length + 1);
                    source = source.Insert(position, source[start..Math.Min(source.Length, start + random.Next(1, 30))]);
                    break;
            }
        }
        return source;
    }

    private static string Transform(string source, string path = "a.js")
    {
        var diagnostics = new DiagnosticBag();
        var output = EsModuleTransform.Transform(new SourceFile(path, source), diagnostics).Text;
        Assert.True(diagnostics.Count == 0, string.Join("\n", diagnostics));
        return output;
    }

    /// <summary>
    /// Transforms every file, loads them all with the CommonJS loader in Jint, and evaluates <paramref name="expression"/>;
    /// the same again with every file minified, which must give the same result.
    /// </summary>
    private static object? Run(Dictionary<string, string> files, string expression)
    {
        var readable = new Engine();
        var minified = new Engine();
        readable.Execute(Loader);
        minified.Execute(Loader);
        foreach (var (path, source) in files)
        {
            var diagnostics = new DiagnosticBag();
            var script = EsModuleTransform.Transform(new SourceFile(path, source), diagnostics, tokenize: true);
            Assert.True(diagnostics.Count == 0, string.Join("\n", diagnostics));
            var minifiedText = JsMinifier.Minify(script.Text, script.Tokens!).Text;
            JsShape.AssertSame(script.Text, minifiedText);
            readable.Execute($"__capsuleDefine(\"{path}\", function (module, exports, require) {{\n{script.Text}\n}});");
            minified.Execute($"__capsuleDefine(\"{path}\",function(module,exports,require){{{minifiedText}}});");
        }
        var result = readable.Evaluate(expression).ToObject();
        Assert.Equal(result, minified.Evaluate(expression).ToObject());
        return result;
    }
}
