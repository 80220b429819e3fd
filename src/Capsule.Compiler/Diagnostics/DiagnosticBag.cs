using System.Collections;

namespace Capsule.Compiler.Diagnostics;

/// <summary>Collects the diagnostics of one compilation.</summary>
public sealed class DiagnosticBag : IReadOnlyList<Diagnostic>
{
    private readonly List<Diagnostic> _items = [];

    public int Count => _items.Count;

    public Diagnostic this[int index] => _items[index];

    public bool HasErrors => _items.Exists(d => d.Severity == Severity.Error);

    public void Error(SourceFile file, SourceSpan span, string message) =>
        _items.Add(new Diagnostic(Severity.Error, file, span, message));

    public void Warning(SourceFile file, SourceSpan span, string message) =>
        _items.Add(new Diagnostic(Severity.Warning, file, span, message));

    public void AddRange(IEnumerable<Diagnostic> diagnostics) => _items.AddRange(diagnostics);

    public IEnumerator<Diagnostic> GetEnumerator() => _items.GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
