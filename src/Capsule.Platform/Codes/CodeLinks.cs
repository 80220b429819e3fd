using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text.Json;

namespace Capsule.Platform.Codes;

/// <summary>
/// Signs and checks the tokens inside Capsule links (<c>{origin}/q/{token}</c>): the link's content as compact JSON,
/// then an HMAC-SHA256 of it (first 16 bytes) with the server's <see cref="CodeKey"/>, both base64url, joined by a dot.
/// A changed byte anywhere makes the signature fail; an expiry, when there is one, is part of what is signed.
/// </summary>
public sealed class CodeLinks(CodeKey key, TimeProvider time)
{
    /// <summary>The path under which the server answers links opened outside the app.</summary>
    public const string LinkPath = "/q/";

    private const int SignatureBytes = 16;
    private const int MaxToken = 2048;

    private sealed record Payload(string K, string T, string? P, long? E);

    public string Sign(CodeLink link)
    {
        var payload = JsonSerializer.SerializeToUtf8Bytes(new Payload(
            link.Kind == CodeKind.Program ? "p" : "u", link.Target, link.Path.Length == 0 ? null : link.Path, link.ExpiresAt?.ToUnixTimeSeconds()), s_json);
        return $"{Base64Url.EncodeToString(payload)}.{Base64Url.EncodeToString(Mac(payload))}";
    }

    /// <summary>The link a token holds, or why it is refused.</summary>
    public (CodeLink? Link, CodeLinkProblem Problem) Read(string token)
    {
        var dot = token.IndexOf('.');
        if (token.Length > MaxToken || dot <= 0)
        {
            return (null, CodeLinkProblem.Malformed);
        }
        byte[] payload, signature;
        try
        {
            payload = Base64Url.DecodeFromChars(token.AsSpan(0, dot));
            signature = Base64Url.DecodeFromChars(token.AsSpan(dot + 1));
        }
        catch (FormatException)
        {
            return (null, CodeLinkProblem.Malformed);
        }
        if (!CryptographicOperations.FixedTimeEquals(signature, Mac(payload)))
        {
            return (null, CodeLinkProblem.Tampered);
        }
        var content = JsonSerializer.Deserialize<Payload>(payload, s_json);
        if (content is null || content.K is not ("p" or "u") || string.IsNullOrEmpty(content.T))
        {
            return (null, CodeLinkProblem.Malformed);
        }
        var expires = content.E is { } seconds ? DateTimeOffset.FromUnixTimeSeconds(seconds) : (DateTimeOffset?)null;
        if (expires is not null && expires <= time.GetUtcNow())
        {
            return (null, CodeLinkProblem.Expired);
        }
        return (new CodeLink(content.K == "p" ? CodeKind.Program : CodeKind.User, content.T, content.P ?? "", expires), CodeLinkProblem.None);
    }

    private byte[] Mac(byte[] payload) => HMACSHA256.HashData(key.Bytes, payload)[..SignatureBytes];

    private static readonly JsonSerializerOptions s_json = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull,
    };

    /// <summary>The text a QR code holds: the https link on this server.</summary>
    public static string Url(string origin, string token) => $"{origin.TrimEnd('/')}{LinkPath}{Uri.EscapeDataString(token)}";

    /// <summary>A sentence for the person who scanned a refused code.</summary>
    public static string Describe(CodeLinkProblem problem) => problem switch
    {
        CodeLinkProblem.Tampered => "This code's signature does not match: it was changed or was not made by this Capsule server.",
        CodeLinkProblem.Expired => "This code has expired. Ask for a new one.",
        _ => "This is not a Capsule code.",
    };
}
