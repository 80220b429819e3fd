namespace Capsule.Compiler.Manifest;

/// <summary>A subpackage of app.json: pages under <see cref="Root"/>, loaded on first navigation.</summary>
/// <param name="Root">The folder, normalized to end with a slash, e.g. <c>packageA/</c>.</param>
/// <param name="Name">The optional name used by preloadRule.</param>
/// <param name="Pages">Full page paths (root included).</param>
/// <param name="Independent">Whether it runs without the main package.</param>
public sealed record SubPackage(string Root, string? Name, IReadOnlyList<string> Pages, bool Independent);
