using System.Security.Cryptography;
using System.Text;

namespace Capsule.Platform.Chats;

/// <summary>
/// A group's id as one program sees it: HMAC-SHA256 of the appid under the group's own random secret. The same for
/// every ticket from that group to that program, different for every other program, and revealing nothing else.
/// </summary>
public static class OpenGroupId
{
    public static string NewSecret() => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(32));

    public static string For(string groupSecret, string appId) =>
        "G" + Convert.ToBase64String(HMACSHA256.HashData(Convert.FromHexString(groupSecret), Encoding.UTF8.GetBytes(appId)))
            .TrimEnd('=').Replace('+', '-').Replace('/', '_');

    public static string NewTicket() => Convert.ToBase64String(RandomNumberGenerator.GetBytes(24)).Replace('+', '-').Replace('/', '_');
}
