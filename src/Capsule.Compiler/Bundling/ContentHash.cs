using System.Security.Cryptography;

namespace Capsule.Compiler.Bundling;

/// <summary>The name a file is stored and served under: the start of its SHA-256, so it never changes.</summary>
public static class ContentHash
{
    public static string Of(ReadOnlySpan<byte> content) =>
        Convert.ToHexStringLower(SHA256.HashData(content)[..16]);
}
