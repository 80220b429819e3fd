using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;

namespace Capsule.Platform.MiniPrograms;

/// <summary>Mini-program appids: <c>wx</c> followed by 16 lowercase hex digits.</summary>
public static partial class AppId
{
    public static string New() => "wx" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(8));

    /// <summary>A stable appid for a seed, so demo programs keep their URLs across restarts.</summary>
    public static string FromSeed(string seed) => "wx" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(seed))[..8]);

    public static bool IsValid(string? value) => value is not null && Pattern().IsMatch(value);

    [GeneratedRegex("^wx[0-9a-f]{16}$")]
    private static partial Regex Pattern();
}
