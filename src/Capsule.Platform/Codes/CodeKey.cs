using System.Security.Cryptography;
using Microsoft.Extensions.Options;

namespace Capsule.Platform.Codes;

/// <summary>
/// The secret that signs Capsule links: 32 random bytes in <c>codes.key</c> in the data directory, made on first use
/// (written to a temp file then moved, so two servers starting together keep the same key). Servers that share a
/// database must share this file too, as they share the bundles.
/// </summary>
public sealed class CodeKey
{
    public const string FileName = "codes.key";

    private readonly Lazy<byte[]> _bytes;

    public CodeKey(IOptions<CapsuleOptions> options) => _bytes = new Lazy<byte[]>(() => Load(Path.Combine(options.Value.DataDir, FileName)));

    public byte[] Bytes => _bytes.Value;

    private static byte[] Load(string path)
    {
        if (!File.Exists(path))
        {
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            var temp = $"{path}.{Guid.NewGuid():N}.tmp";
            File.WriteAllBytes(temp, RandomNumberGenerator.GetBytes(32));
            try
            {
                File.Move(temp, path, overwrite: false);
            }
            catch (IOException) when (File.Exists(path))
            {
                File.Delete(temp);
            }
        }
        var key = File.ReadAllBytes(path);
        return key.Length >= 32 ? key : throw new InvalidOperationException($"{path} holds {key.Length} bytes; a code key is at least 32.");
    }
}
