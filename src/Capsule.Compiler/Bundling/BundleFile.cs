namespace Capsule.Compiler.Bundling;

/// <summary>One immutable file of a bundle, named by its content hash and extension.</summary>
public sealed record BundleFile(string Name, byte[] Content, string ContentType)
{
    public static BundleFile Create(byte[] content, string extension, string contentType) =>
        new($"{ContentHash.Of(content)}.{extension}", content, contentType);
}
