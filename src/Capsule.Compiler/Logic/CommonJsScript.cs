using Capsule.Compiler.Minification;

namespace Capsule.Compiler.Logic;

/// <summary>
/// A logic file as the CommonJS script the logic runtime runs: the file itself, or its rewrite from ES-module syntax.
/// </summary>
/// <param name="Text">The script.</param>
/// <param name="Origins">Where each offset of <paramref name="Text"/> came from in the file.</param>
/// <param name="Tokens">The script's tokens, when they were asked for and the script is valid JavaScript.</param>
public sealed record CommonJsScript(string Text, SourceOffsets Origins, ScriptTokens? Tokens);
