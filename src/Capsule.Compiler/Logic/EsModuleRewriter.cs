using System.Runtime.CompilerServices;
using System.Text;
using Acornima;
using Acornima.Ast;
using Capsule.Compiler.Diagnostics;
using Capsule.Compiler.Wxml.Codegen;

namespace Capsule.Compiler.Logic;

/// <summary>
/// Rewrites one parsed ES module to CommonJS by editing text ranges of the original source.
/// All added code is one line prepended to line 1; removed statements keep their line breaks.
/// See <see cref="EsModuleTransform"/> for the semantics.
/// </summary>
internal sealed class EsModuleRewriter(SourceFile file, DiagnosticBag diagnostics)
{
    public const string DynamicImportMessage = "dynamic import() is not supported in mini programs";
    private const string ImportMetaMessage = "import.meta is not supported in mini programs";
    private const string TopLevelAwaitMessage = "top-level await is not supported in mini programs";

    private readonly string _text = file.Text;
    private readonly List<Edit> _edits = [];

    /// <summary>Imported local name → the expression that reads it live, e.g. <c>_util.format</c>.</summary>
    private readonly Dictionary<string, string> _importedBindings = new(StringComparer.Ordinal);
    private readonly HashSet<string> _generatedNames = new(StringComparer.Ordinal);

    /// <summary>Names exported other than by <c>export *</c>; they take precedence over names that <c>export *</c> brings.</summary>
    private readonly HashSet<string> _explicitExports = new(StringComparer.Ordinal) { "default", "__esModule" };

    /// <summary>Names declared by the scopes enclosing the node being walked, innermost last (module scope excluded).</summary>
    private readonly List<HashSet<string>> _scopes = [];
    private readonly StringBuilder _helpers = new();
    private readonly StringBuilder _localExports = new();
    private readonly StringBuilder _imports = new();
    private string? _exportHelper;
    private string? _defaultHelper;
    private string? _wildcardHelper;
    private string? _starHelper;
    private int _functionDepth;

    /// <summary>
    /// Parser callback that stores, on every node that opens a scope below the module scope, the set of names it
    /// declares, so references to imports can be told apart from shadowing locals.
    /// </summary>
    public static void RecordScope(Node node, in OnNodeContext context)
    {
        if (!context.HasScope || node is Program)
        {
            return;
        }
        var scope = context.Scope;
        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var id in scope.VarVariables)
        {
            names.Add(id.Name);
        }
        foreach (var id in scope.LexicalVariables)
        {
            names.Add(id.Name);
        }
        foreach (var id in scope.Functions)
        {
            names.Add(id.Name);
        }
        if (names.Count > 0)
        {
            node.UserData = names;
        }
    }

    /// <summary>
    /// For a file that parses only as a module but has no imports or exports: reports the module-only features it
    /// uses (<c>import.meta</c>, top-level <c>await</c>) without rewriting it. Returns whether any was reported.
    /// </summary>
    public bool ReportUnsupportedFeatures(Module module)
    {
        var before = diagnostics.Count;
        Walk(module);
        return diagnostics.Count > before;
    }

    /// <summary>
    /// Returns the CommonJS text: imports and re-exports become hoisted <c>require</c>s, exports become getters on
    /// <c>exports</c> (all defined before the first <c>require</c>), and references to imports become live reads;
    /// with where each offset of it came from (the added code on line 1 from the start of the file, each edit from
    /// what it replaced).
    /// </summary>
    public (string Text, SourceOffsets Origins) Rewrite(Module module)
    {
        foreach (var statement in module.Body)
        {
            switch (statement)
            {
                case ImportDeclaration import:
                    RewriteImport(import);
                    break;
                case ExportNamedDeclaration { Source: not null } reexport:
                    RewriteReexport(reexport);
                    break;
                case ExportAllDeclaration exportAll:
                    RewriteExportAll(exportAll);
                    break;
            }
        }
        foreach (var statement in module.Body)
        {
            switch (statement)
            {
                case ImportDeclaration or ExportAllDeclaration or ExportNamedDeclaration { Source: not null }:
                    break;
                case ExportNamedDeclaration { Declaration: { } declaration } exportDeclaration:
                    Blank(exportDeclaration.Start, declaration.Start);
                    foreach (var name in DeclaredNames(declaration))
                    {
                        AppendExport(_localExports, name, name);
                    }
                    Walk(declaration);
                    break;
                case ExportNamedDeclaration exportList:
                    RemoveStatement(exportList);
                    foreach (var specifier in exportList.Specifiers)
                    {
                        var local = ModuleExportName(specifier.Local);
                        var value = _importedBindings.GetValueOrDefault(local, local);
                        AppendExport(_localExports, ModuleExportName(specifier.Exported), value);
                    }
                    break;
                case ExportDefaultDeclaration exportDefault:
                    RewriteExportDefault(exportDefault);
                    break;
                default:
                    Walk(statement);
                    break;
            }
        }
        return Assemble();
    }

    private void RewriteImport(ImportDeclaration import)
    {
        RemoveStatement(import);
        var source = Raw(import.Source);
        if (import.Specifiers.Count == 0)
        {
            _imports.Append("require(").Append(source).Append(");");
            return;
        }
        var module = NewName(import.Source.Value);
        _imports.Append("var ").Append(module).Append(" = require(").Append(source).Append(");");
        string? interop = null;
        foreach (var specifier in import.Specifiers)
        {
            switch (specifier)
            {
                case ImportNamespaceSpecifier ns:
                    _imports.Append("var ").Append(ns.Local.Name).Append(" = ").Append(WildcardHelper()).Append('(').Append(module).Append(");");
                    break;
                case ImportDefaultSpecifier defaultSpecifier:
                    interop ??= DeclareDefaultInterop(module);
                    _importedBindings[defaultSpecifier.Local.Name] = interop + ".default";
                    break;
                case ImportSpecifier named:
                    var imported = ModuleExportName(named.Imported);
                    var target = imported == "default" ? interop ??= DeclareDefaultInterop(module) : module;
                    _importedBindings[named.Local.Name] = JsWriter.Member(target, imported);
                    break;
            }
        }
    }

    private void RewriteReexport(ExportNamedDeclaration reexport)
    {
        RemoveStatement(reexport);
        var source = reexport.Source!;
        var module = NewName(source.Value);
        _imports.Append("var ").Append(module).Append(" = require(").Append(Raw(source)).Append(");");
        string? interop = null;
        foreach (var specifier in reexport.Specifiers)
        {
            var local = ModuleExportName(specifier.Local);
            var target = local == "default" ? interop ??= DeclareDefaultInterop(module) : module;
            AppendExport(_imports, ModuleExportName(specifier.Exported), JsWriter.Member(target, local));
        }
    }

    private void RewriteExportAll(ExportAllDeclaration exportAll)
    {
        RemoveStatement(exportAll);
        var source = Raw(exportAll.Source);
        if (exportAll.Exported is { } exported)
        {
            var module = NewName(exportAll.Source.Value);
            _imports.Append("var ").Append(module).Append(" = ").Append(WildcardHelper()).Append("(require(").Append(source).Append("));");
            AppendExport(_imports, ModuleExportName(exported), module);
        }
        else
        {
            _imports.Append(StarHelper()).Append("(require(").Append(source).Append("));");
        }
    }

    private void RewriteExportDefault(ExportDefaultDeclaration exportDefault)
    {
        switch (exportDefault.Declaration)
        {
            case FunctionDeclaration function:
                Blank(exportDefault.Start, function.Start);
                AppendExport(_localExports, "default", function.Id?.Name ?? InsertName(FunctionNamePosition(function)));
                Walk(function);
                break;
            case ClassDeclaration @class:
                Blank(exportDefault.Start, @class.Start);
                AppendExport(_localExports, "default", @class.Id?.Name ?? InsertName(@class.Start + "class".Length));
                Walk(@class);
                break;
            default:
                var keyword = SkipTrivia(exportDefault.Start + "export".Length);
                _edits.Add(new Edit(exportDefault.Start, keyword + "default".Length, "exports.default ="));
                Walk(exportDefault.Declaration);
                if (_text[exportDefault.End - 1] != ';')
                {
                    _edits.Add(new Edit(exportDefault.End, exportDefault.End, ";"));
                }
                break;
        }
    }

    /// <summary>Gives an anonymous <c>export default</c> function or class a name, so it can be hoisted and exported.</summary>
    private string InsertName(int position)
    {
        var name = NewName("default");
        _edits.Add(new Edit(position, position, char.IsWhiteSpace(_text[position - 1]) ? name : " " + name));
        return name;
    }

    /// <summary>Where a function's name goes: just before the parameter list, after <c>async</c>, <c>function</c> and <c>*</c>.</summary>
    private int FunctionNamePosition(FunctionDeclaration function)
    {
        var position = SkipTrivia(function.Start);
        while (position < function.End && _text[position] != '(')
        {
            position = SkipTrivia(position + 1);
        }
        return position;
    }

    private int SkipTrivia(int position)
    {
        while (position < _text.Length)
        {
            if (char.IsWhiteSpace(_text[position]) || _text[position] == '\uFEFF')
            {
                position++;
            }
            else if (_text.AsSpan(position).StartsWith("//"))
            {
                var end = _text.IndexOfAny(['\n', '\r', '\u2028', '\u2029'], position);
                position = end < 0 ? _text.Length : end;
            }
            else if (_text.AsSpan(position).StartsWith("/*"))
            {
                var end = _text.IndexOf("*/", position + 2, StringComparison.Ordinal);
                position = end < 0 ? _text.Length : end + 2;
            }
            else
            {
                break;
            }
        }
        return position;
    }

    private void Walk(Node? node)
    {
        if (node is null)
        {
            return;
        }
        RuntimeHelpers.EnsureSufficientExecutionStack();
        var scope = node.UserData as HashSet<string>;
        if (scope is not null)
        {
            _scopes.Add(scope);
        }
        switch (node)
        {
            case Identifier identifier:
                Reference(identifier, isCallee: false);
                break;
            case MemberExpression member:
                Walk(member.Object);
                if (member.Computed)
                {
                    Walk(member.Property);
                }
                break;
            case CallExpression call:
                WalkCallee(call.Callee);
                WalkAll(call.Arguments);
                break;
            case TaggedTemplateExpression tagged:
                WalkCallee(tagged.Tag);
                Walk(tagged.Quasi);
                break;
            case Property property:
                WalkProperty(property);
                break;
            case ClassProperty classMember:
                if (classMember.Computed)
                {
                    Walk(classMember.Key);
                }
                Walk(classMember.Value);
                break;
            case FunctionDeclaration function:
                WalkFunction(function.Params, function.Body);
                break;
            case FunctionExpression function:
                WalkNamed(function.Id, () => WalkFunction(function.Params, function.Body));
                break;
            case ArrowFunctionExpression arrow:
                WalkFunction(arrow.Params, arrow.Body);
                break;
            case ClassDeclaration @class:
                Walk(@class.SuperClass);
                Walk(@class.Body);
                break;
            case ClassExpression @class:
                WalkNamed(@class.Id, () =>
                {
                    Walk(@class.SuperClass);
                    Walk(@class.Body);
                });
                break;
            case LabeledStatement labeled:
                Walk(labeled.Body);
                break;
            case BreakStatement or ContinueStatement:
                break;
            case MetaProperty meta:
                if (meta.Meta.Name == "import")
                {
                    Report(meta, ImportMetaMessage);
                }
                break;
            case ImportExpression import:
                Report(import, DynamicImportMessage);
                WalkChildren(import);
                break;
            case AwaitExpression or ForOfStatement { Await: true } when _functionDepth == 0:
                Report(node, TopLevelAwaitMessage);
                WalkChildren(node);
                break;
            default:
                WalkChildren(node);
                break;
        }
        if (scope is not null)
        {
            _scopes.RemoveAt(_scopes.Count - 1);
        }
    }

    private void WalkChildren(Node node)
    {
        foreach (var child in node.ChildNodes)
        {
            Walk(child);
        }
    }

    private void WalkAll<T>(in NodeList<T> nodes) where T : Node?
    {
        foreach (var node in nodes)
        {
            Walk(node);
        }
    }

    private void WalkFunction(in NodeList<Node> parameters, Node body)
    {
        _functionDepth++;
        WalkAll(parameters);
        Walk(body);
        _functionDepth--;
    }

    /// <summary>Walks a function or class expression inside the scope of its own name, which shadows outer names.</summary>
    private void WalkNamed(Identifier? id, Action walk)
    {
        if (id is null)
        {
            walk();
            return;
        }
        _scopes.Add(new HashSet<string>(StringComparer.Ordinal) { id.Name });
        walk();
        _scopes.RemoveAt(_scopes.Count - 1);
    }

    private void WalkCallee(Expression callee)
    {
        if (callee is Identifier identifier)
        {
            Reference(identifier, isCallee: true);
        }
        else
        {
            Walk(callee);
        }
    }

    private void WalkProperty(Property property)
    {
        if (!property.Shorthand)
        {
            if (property.Computed)
            {
                Walk(property.Key);
            }
            Walk(property.Value);
            return;
        }
        var (identifier, initializer) = property.Value switch
        {
            Identifier id => (id, null),
            AssignmentPattern { Left: Identifier id } pattern => (id, pattern.Right),
            _ => ((Identifier?)null, (Expression?)null),
        };
        if (identifier is not null && Resolve(identifier.Name) is { } replacement)
        {
            _edits.Add(new Edit(identifier.Start, identifier.End, Raw(identifier) + ": " + replacement));
            Walk(initializer);
        }
        else
        {
            Walk(property.Value);
        }
    }

    private void Reference(Identifier identifier, bool isCallee)
    {
        if (Resolve(identifier.Name) is { } replacement)
        {
            _edits.Add(new Edit(identifier.Start, identifier.End, isCallee ? "(0, " + replacement + ")" : replacement));
        }
    }

    /// <summary>The live read of an imported binding, unless a scope between here and the module scope shadows it.</summary>
    private string? Resolve(string name)
    {
        if (!_importedBindings.TryGetValue(name, out var replacement))
        {
            return null;
        }
        foreach (var scope in _scopes)
        {
            if (scope.Contains(name))
            {
                return null;
            }
        }
        return replacement;
    }

    private void Report(Node node, string message) =>
        diagnostics.Error(file, SourceSpan.FromBounds(node.Start, node.End), message);

    private static IEnumerable<string> DeclaredNames(Declaration declaration) => declaration switch
    {
        VariableDeclaration variables => variables.Declarations.SelectMany(d => BindingNames(d.Id)),
        FunctionDeclaration { Id: { } id } => [id.Name],
        ClassDeclaration { Id: { } id } => [id.Name],
        _ => [],
    };

    private static IEnumerable<string> BindingNames(Node? pattern) => pattern switch
    {
        Identifier id => [id.Name],
        ObjectPattern obj => obj.Properties.SelectMany(p => BindingNames(p is Property property ? property.Value : p)),
        ArrayPattern array => array.Elements.SelectMany(BindingNames),
        RestElement rest => BindingNames(rest.Argument),
        AssignmentPattern assignment => BindingNames(assignment.Left),
        _ => [],
    };

    /// <summary>The name in an import or export specifier: an identifier or, since ES2022, a string literal.</summary>
    private static string ModuleExportName(Expression name) =>
        name is StringLiteral literal ? literal.Value : ((Identifier)name).Name;

    private string Raw(Node node) => _text[node.Start..node.End];

    /// <summary>Replaces a range by nothing but its line breaks, so the lines after it keep their numbers.</summary>
    private void Blank(int start, int end) => _edits.Add(new Edit(start, end, LineBreaks(start, end)));

    /// <summary>Replaces a statement by an empty statement, which keeps the statements around it apart (no ASI surprises).</summary>
    private void RemoveStatement(Node statement) =>
        _edits.Add(new Edit(statement.Start, statement.End, ";" + LineBreaks(statement.Start, statement.End)));

    private string LineBreaks(int start, int end)
    {
        var breaks = new StringBuilder();
        foreach (var c in _text.AsSpan(start, end - start))
        {
            if (c is '\n' or '\r')
            {
                breaks.Append(c);
            }
        }
        return breaks.ToString();
    }

    /// <summary>A fresh identifier like <c>_util</c>, derived from <paramref name="hint"/>, that occurs nowhere in the source.</summary>
    private string NewName(string hint)
    {
        var segment = hint[(hint.LastIndexOf('/') + 1)..];
        var dot = segment.IndexOf('.');
        if (dot > 0)
        {
            segment = segment[..dot];
        }
        var stem = "_" + new string([.. segment.Where(c => char.IsAsciiLetterOrDigit(c) || c is '_' or '$')]);
        if (stem == "_")
        {
            stem = "_module";
        }
        var name = stem;
        for (var suffix = 2; _text.Contains(name, StringComparison.Ordinal) || !_generatedNames.Add(name); suffix++)
        {
            name = stem + suffix;
        }
        return name;
    }

    private string DeclareDefaultInterop(string module)
    {
        var name = NewName(module[1..] + "Default");
        _imports.Append("var ").Append(name).Append(" = ").Append(DefaultHelper()).Append('(').Append(module).Append(");");
        return name;
    }

    private void AppendExport(StringBuilder target, string exportedName, string value)
    {
        _explicitExports.Add(exportedName);
        target.Append(ExportHelper()).Append('(').Append(JsWriter.String(exportedName))
            .Append(", function () { return ").Append(value).Append("; });");
    }

    private string ExportHelper() => _exportHelper ??= DeclareHelper("export", name =>
        $"function {name}(name, get) {{ Object.defineProperty(exports, name, {{ enumerable: true, get: function () {{ " +
        "try { return get(); } catch (e) { if (!(e instanceof ReferenceError)) { throw e; } } } }); }");

    private string DefaultHelper() => _defaultHelper ??= DeclareHelper("interopRequireDefault", name =>
        $"function {name}(m) {{ return m && m.__esModule ? m : {{ default: m }}; }}");

    private string WildcardHelper() => _wildcardHelper ??= DeclareHelper("interopRequireWildcard", name =>
        $"function {name}(m) {{ if (m && m.__esModule) {{ return m; }} var ns = {{}}; if (m != null) {{ for (var k in m) {{ " +
        "if (k !== \"default\" && Object.prototype.hasOwnProperty.call(m, k)) { ns[k] = m[k]; } } } ns.default = m; return ns; }");

    /// <summary>The helper for <c>export * from</c>; its code is written by <see cref="Assemble"/>, once all explicit export names are known.</summary>
    private string StarHelper()
    {
        ExportHelper();
        return _starHelper ??= NewName("exportStar");
    }

    private string DeclareHelper(string hint, Func<string, string> code)
    {
        var name = NewName(hint);
        _helpers.Append(code(name));
        return name;
    }

    private (string Text, SourceOffsets Origins) Assemble()
    {
        var output = new StringBuilder(_text.Length + 256);
        var runs = new List<(int Output, int Source, bool Copied)> { (0, 0, false) };
        output.Append("\"use strict\";Object.defineProperty(exports, \"__esModule\", { value: true });").Append(_helpers);
        if (_starHelper is not null)
        {
            var skipped = string.Join(", ", _explicitExports.Order(StringComparer.Ordinal).Select(n => JsWriter.String(n) + ": true"));
            output.Append("function ").Append(_starHelper).Append("(m) { var skip = { ").Append(skipped)
                .Append(" }; Object.keys(m).forEach(function (k) { if (!Object.prototype.hasOwnProperty.call(skip, k) && ")
                .Append("!Object.prototype.hasOwnProperty.call(exports, k)) { ").Append(_exportHelper)
                .Append("(k, function () { return m[k]; }); } }); }");
        }
        output.Append(_localExports).Append(_imports);
        var position = 0;
        foreach (var edit in _edits.OrderBy(e => e.Start).ThenBy(e => e.End))
        {
            runs.Add((output.Length, position, true));
            output.Append(_text, position, edit.Start - position);
            runs.Add((output.Length, edit.Start, false));
            output.Append(edit.Text);
            position = edit.End;
        }
        runs.Add((output.Length, position, true));
        output.Append(_text, position, _text.Length - position);
        return (output.ToString(), new SourceOffsets(runs));
    }

    private readonly record struct Edit(int Start, int End, string Text);
}
