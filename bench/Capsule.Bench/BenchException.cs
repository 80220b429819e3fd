namespace Capsule.Bench;

/// <summary>The benchmark cannot give a valid result; the message says why.</summary>
public sealed class BenchException(string message) : Exception(message);
