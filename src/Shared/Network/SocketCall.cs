using System.Globalization;
using System.Text.Json;
using Microsoft.AspNetCore.Http;

namespace Capsule.Network;

/// <summary>
/// A program's <c>wx.connectSocket</c> as the host asks the relay for it. A browser cannot set headers on a
/// WebSocket handshake, so the call travels in the query string: <c>url</c>, <c>protocol</c> (repeated),
/// <c>header</c> (a JSON object) and <c>timeout</c> (milliseconds, as WeChat's option).
/// </summary>
public sealed record SocketCall(string? Url, string[] Protocols, Dictionary<string, string> Header, int? Timeout)
{
    /// <summary>The call, or why the query does not make one (WeChat's reason, after "connectSocket:fail ").</summary>
    public static (SocketCall? Call, ProxyFailure? Failure) FromQuery(IQueryCollection query)
    {
        var header = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        if (query["header"].ToString() is { Length: > 0 } json)
        {
            try
            {
                using var document = JsonDocument.Parse(json);
                if (document.RootElement.ValueKind != JsonValueKind.Object)
                {
                    return (null, new ProxyFailure(400, "header must be an object"));
                }
                foreach (var property in document.RootElement.EnumerateObject())
                {
                    header[property.Name] = property.Value.ValueKind == JsonValueKind.String ? property.Value.GetString()! : property.Value.GetRawText();
                }
            }
            catch (JsonException)
            {
                return (null, new ProxyFailure(400, "header must be an object"));
            }
        }
        int? timeout = null;
        if (query["timeout"].ToString() is { Length: > 0 } text)
        {
            if (!int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var milliseconds))
            {
                return (null, new ProxyFailure(400, "invalid timeout"));
            }
            timeout = milliseconds;
        }
        string[] protocols = [.. query["protocol"].Select(p => p ?? "")];
        return (new SocketCall(query["url"].ToString(), protocols, header, timeout), null);
    }
}
