using Capsule.Compiler.Bundling;
using Capsule.Compiler.Diagnostics;

namespace Capsule.Compiler;

/// <summary>The outcome of compiling a project: a bundle when there were no errors, and every diagnostic.</summary>
public sealed record CompileResult(Bundle? Bundle, IReadOnlyList<Diagnostic> Diagnostics)
{
    public bool Succeeded => Bundle is not null;
}
