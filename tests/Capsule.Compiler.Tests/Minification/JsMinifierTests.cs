using Capsule.Compiler.Minification;

namespace Capsule.Compiler.Tests.Minification;

public sealed class JsMinifierTests
{
    [Theory]
    [InlineData("var a = 1;\n\n  // comment\n  var b = a + 2; /* block */\n", "var a=1;var b=a+2;")]
    [InlineData("var o = {\n  a: 1,\n  b: [\n    2,\n  ],\n};\nf(\n  o\n)\n.then(g);", "var o={a:1,b:[2,],};f(o).then(g);")]
    [InlineData("x\n  .y\n  .z()", "x.y.z()")]
    [InlineData("if (a) {\n  b()\n}\nelse {\n  c()\n}", "if(a){b()}\nelse{c()}")]
    [InlineData("var s = `\n  two\n  lines ${ a }\n`", "var s=`\n  two\n  lines ${a}\n`")]
    [InlineData("var t = `a ${ b }  c${ `x ${ y }` }`", "var t=`a ${b}  c${`x ${y}`}`")]
    [InlineData("var s = '// not' + \"/* comments */\" + `//`", "var s='// not'+\"/* comments */\"+`//`")]
    [InlineData("var \\u0061b = 1; typeof \\u0061b; var ä = 2; typeof ä", "var \\u0061b=1;typeof \\u0061b;var ä=2;typeof ä")]
    [InlineData("#!/usr/bin/env node\nfoo()", "foo()")]
    public void Comments_indentation_and_spaces_go_and_literals_stay(string source, string expected) =>
        Assert.Equal(expected, Minify(source));

    [Theory]
    [InlineData("var a = 1\nvar b = 2\n", "var a=1\nvar b=2")]
    [InlineData("function f() {\n  return\n  x\n}", "function f(){return\nx}")]
    [InlineData("function f() { return /*\n*/ x }", "function f(){return\nx}")]
    [InlineData("a\n++b", "a\n++b")]
    [InlineData("x = y\n(z)", "x=y\n(z)")]
    [InlineData("let x = 1\n;[1, 2].forEach(f)", "let x=1;[1,2].forEach(f)")]
    [InlineData("async\nfunction f() {}", "async\nfunction f(){}")]
    [InlineData("function* g() { yield\n x }", "function*g(){yield\nx}")]
    [InlineData("a: for (;;) { continue\na }", "a:for(;;){continue\na}")]
    [InlineData("class A { a = 1\n  b = 2\n  static #c; m() { return #c in this } }", "class A{a=1\nb=2\nstatic #c;m(){return #c in this}}")]
    [InlineData("do x(); while (y) z()", "do x();while(y)z()")]
    [InlineData("a\u2028b", "a\nb")]
    [InlineData("x = 1 <!-- html comment\n--> another\ny", "x=1\ny")]
    public void Line_breaks_stay_where_automatic_semicolons_or_restricted_productions_depend_on_them(string source, string expected) =>
        Assert.Equal(expected, Minify(source));

    [Theory]
    [InlineData("a = b / c / d; e = /re/g.test(s) ? 1 : 2", "a=b/c/d;e=/re/g.test(s)?1:2")]
    [InlineData("if (x) /re/.exec(y)", "if(x)/re/.exec(y)")]
    [InlineData("a = b / /re/.source.length", "a=b/ /re/.source.length")]
    [InlineData("x = /a/ / 2", "x=/a/ /2")]
    [InlineData("x = /a/g in y; z = /a/ in y", "x=/a/g in y;z=/a/ in y")]
    [InlineData("a + +b; a - -b; a + ++b; a - --b; a++ + b", "a+ +b;a- -b;a+ ++b;a- --b;a++ +b")]
    [InlineData("1 .toString(); 1.5.toFixed(); 1n .toString(); x ? .5 : 1; [... .5]", "1 .toString();1.5.toFixed();1n .toString();x? .5:1;[... .5]")]
    [InlineData("a < !--b; a-- > b", "a< !--b;a-- >b")]
    [InlineData("return_ = typeof x === 'y' && !(a in b) && c instanceof D", "return_=typeof x==='y'&&!(a in b)&&c instanceof D")]
    public void Tokens_that_would_run_together_keep_a_space(string source, string expected) =>
        Assert.Equal(expected, Minify(source));

    [Fact]
    public void License_comments_are_kept()
    {
        var source = "/*! keep me */\nvar a = 1; /** @license MIT */ var b = a /\n/* @preserve\n  this */ 2; /* drop */ // drop";
        Assert.Equal("/*! keep me */var a=1; /** @license MIT */var b=a/ /* @preserve\n  this */\n2;", Minify(source));
    }

    [Fact]
    public void Every_mark_is_at_the_same_token_in_the_minified_and_the_original_script()
    {
        const string source = "// head\nfunction f(a, b) {\n  return a + `${b}` // tail\n    + /x/g.source;\n}\nf(1, 2);\n";
        var tokens = ScriptTokens.Tokenize(source)!;
        var minified = JsMinifier.Minify(source, tokens);
        Assert.Equal(tokens.Tokens.Count(t => t.End > t.Start && source[t.Start..t.End] is not (")" or "]" or "," or ";")), minified.Marks.Count);
        foreach (var (output, input) in minified.Marks)
        {
            var token = tokens.Tokens.Single(t => t.Start == input && t.End > t.Start);
            Assert.Equal(source[token.Start..token.End], minified.Text.Substring(output, token.End - token.Start));
        }
    }

    [Fact]
    public void Invalid_javascript_has_no_tokens() => Assert.Null(ScriptTokens.Tokenize("var = ;"));

    private static string Minify(string source)
    {
        var minified = JsMinifier.Minify(source, ScriptTokens.Tokenize(source) ?? throw new ArgumentException("invalid JavaScript", nameof(source))).Text;
        JsShape.AssertSame(source, minified);
        return minified;
    }
}
