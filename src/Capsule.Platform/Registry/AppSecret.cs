using System.Security.Cryptography;
using System.Text;

namespace Capsule.Platform.Registry;

/// <summary>Appsecrets: 32 random hex digits like WeChat's, shown once and stored only as a SHA-256 hash.</summary>
public static class AppSecret
{
    public static string New() => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));

    public static string Hash(string secret) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(secret)));

    /// <summary>Compares in constant time.</summary>
    public static bool Matches(string secret, string hash) =>
        CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(Hash(secret)), Encoding.ASCII.GetBytes(hash));
}
