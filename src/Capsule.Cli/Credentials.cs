using System.Text.Json;

namespace Capsule.Cli;

/// <summary>
/// The server and personal access token <c>capsule login</c> saved, in credentials.json under
/// <c>$CAPSULE_CONFIG_DIR</c> (default <c>~/.config/capsule</c>), readable by the owner only.
/// </summary>
public sealed record Credentials(string Server, string Token)
{
    public const string ConfigDirVariable = "CAPSULE_CONFIG_DIR";

    private static string File => Path.Combine(
        Environment.GetEnvironmentVariable(ConfigDirVariable) is { Length: > 0 } dir
            ? dir
            : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".config", "capsule"),
        "credentials.json");

    public static Credentials? Load()
    {
        try
        {
            return System.IO.File.Exists(File) ? JsonSerializer.Deserialize<Credentials>(System.IO.File.ReadAllText(File)) : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    public void Save()
    {
        Directory.CreateDirectory(Path.GetDirectoryName(File)!);
        var temp = File + ".tmp";
        System.IO.File.WriteAllText(temp, JsonSerializer.Serialize(this));
        if (!OperatingSystem.IsWindows())
        {
            System.IO.File.SetUnixFileMode(temp, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }
        System.IO.File.Move(temp, File, overwrite: true);
    }

    /// <summary>An HTTP client for the server, authenticated with the token.</summary>
    public HttpClient CreateClient()
    {
        var client = new HttpClient { BaseAddress = new Uri(Server.TrimEnd('/') + "/"), Timeout = TimeSpan.FromMinutes(5) };
        client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", Token);
        return client;
    }
}
