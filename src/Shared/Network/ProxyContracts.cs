namespace Capsule.Network;

/// <summary>
/// A program's network call as the host sends it to the proxy: <c>wx.request</c> and <c>wx.downloadFile</c>
/// carry a body in <c>DataBase64</c>; <c>wx.uploadFile</c> names its file part and file in
/// <c>Name</c>, <c>FileName</c>, <c>FileBase64</c> and its other fields in <c>FormData</c>.
/// The timeout is in milliseconds, as WeChat's <c>timeout</c> option.
/// </summary>
public sealed record ProxyCall(
    string? Url,
    string? Method = null,
    Dictionary<string, string>? Header = null,
    string? DataBase64 = null,
    int? Timeout = null,
    string? Name = null,
    string? FileName = null,
    string? FileBase64 = null,
    Dictionary<string, string>? FormData = null);

/// <summary>The upstream's answer: any status (a 404 is still a successful call), its headers, the body in base64.</summary>
public sealed record ProxyAnswer(int StatusCode, Dictionary<string, string> Header, string DataBase64);

/// <summary>Why a call did not reach its upstream or came back unusable, worded as WeChat's errMsg after "name:fail ".</summary>
public sealed record ProxyFailure(int HttpStatus, string Reason);
