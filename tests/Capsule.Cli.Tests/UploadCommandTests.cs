using System.Net.Http.Json;
using System.Text.Json;
using Capsule.Testing;

namespace Capsule.Cli.Tests;

/// <summary><c>capsule login</c> and <c>capsule upload</c> against the real server in its own process.</summary>
public sealed class UploadCommandTests : IAsyncLifetime
{
    private readonly TempDirectory _data = new();
    private readonly TempDirectory _config = new();
    private LaunchedProcess? _server;

    public async Task InitializeAsync()
    {
        Environment.SetEnvironmentVariable(Credentials.ConfigDirVariable, _config.Path);
        _server = await ServerProcess.StartAsync(_data.Path);
    }

    public async Task DisposeAsync()
    {
        Environment.SetEnvironmentVariable(Credentials.ConfigDirVariable, null);
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }
        _data.Dispose();
        _config.Dispose();
    }

    [Fact]
    public async Task A_developer_logs_in_with_a_token_and_uploads_versions()
    {
        var url = _server!.Url;
        using var web = new HttpClient(new HttpClientHandler { UseCookies = true }) { BaseAddress = new Uri(url) };
        await web.PostAsJsonAsync("/api/account/sign-up", new { email = "cli@capsule.test", password = "correct horse 42", nickname = "Cli" });
        await web.PostAsync("/api/account/developer", null);
        var program = await (await web.PostAsJsonAsync("/api/programs", new { name = "Cli Fruit", category = "e-commerce/fresh-groceries" })).Content.ReadFromJsonAsync<JsonElement>();
        var appId = program.GetProperty("appId").GetString()!;
        var token = (await (await web.PostAsJsonAsync("/api/account/tokens", new { name = "cli" })).Content.ReadFromJsonAsync<JsonElement>()).GetProperty("secret").GetString()!;

        var notSignedIn = await Cli.InvokeAsync("upload", RepoPaths.Sample("hello"), "--appid", appId, "--version", "1.0.0");
        Assert.Equal(ExitCodes.BadInput, notSignedIn.ExitCode);
        Assert.Contains("run capsule login", notSignedIn.Errors);

        var wrongToken = await Cli.InvokeAsync("login", "--server", url, "--token", "cpat_wrong");
        Assert.Equal(ExitCodes.ServerRefused, wrongToken.ExitCode);
        Assert.Contains("does not accept this token", wrongToken.Errors);

        var login = await Cli.InvokeAsync("login", "--server", url, "--token", token);
        Assert.Equal(ExitCodes.Success, login.ExitCode);
        Assert.Contains("as Cli (cli@capsule.test)", login.Output);
        var saved = Path.Combine(_config.Path, "credentials.json");
        if (!OperatingSystem.IsWindows())
        {
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(saved));
        }

        var upload = await Cli.InvokeAsync("upload", RepoPaths.Sample("hello"), "--appid", appId, "--version", "1.0.0", "--notes", "first");
        Assert.Equal(ExitCodes.Success, upload.ExitCode);
        Assert.Contains($"Uploaded {appId} version 1.0.0", upload.Output);

        using var broken = new TempDirectory();
        broken.Write("project.config.json", $$"""{ "appid": "{{appId}}" }""");
        broken.Write("app.json", """{ "pages": ["pages/index/index"] }""");
        broken.Write("pages/index/index.wxml", "<view>{{ a + }}</view>");
        broken.Write("pages/index/index.js", "Page({})");
        var failed = await Cli.InvokeAsync("upload", broken.Path, "--version", "1.0.1");
        Assert.Equal(ExitCodes.CompileError, failed.ExitCode);
        Assert.StartsWith("pages/index/index.wxml:1:14: the expression ended too early", failed.Errors);

        var again = await Cli.InvokeAsync("upload", RepoPaths.Sample("hello"), "--appid", appId, "--version", "1.0.0");
        Assert.Equal(ExitCodes.ServerRefused, again.ExitCode);
        Assert.Contains("(409)", again.Errors);
    }
}
