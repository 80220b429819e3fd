using Capsule.Testing;
using Microsoft.Playwright;

namespace Capsule.E2E.Tests;

/// <summary>
/// One Capsule server (a real process on a free port, with a temp data dir and the demo samples) and one
/// Debian Chromium for the whole test assembly. Playwright never downloads a browser here.
/// </summary>
public sealed class CapsuleFixture : IAsyncLifetime
{
    public const string ChromiumPath = "/usr/bin/chromium";

    private readonly TempDirectory _dataDir = new();
    private LaunchedProcess? _server;
    private IPlaywright? _playwright;

    public string BaseUrl => _server?.Url ?? throw new InvalidOperationException("the server is not started");

    public IBrowser Browser { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        if (!File.Exists(ChromiumPath))
        {
            throw new InvalidOperationException($"{ChromiumPath} is missing: scripts/test.sh installs Debian's chromium.");
        }
        if (!File.Exists(Path.Combine(RepoPaths.ServerProject, "wwwroot", "index.html")))
        {
            throw new InvalidOperationException("The web client is not built: scripts/test.sh builds it (npm run build in client/).");
        }
        // Every test signs up its own people from this one address: lift the per-address sign-in limit for them.
        _server = await ServerProcess.StartAsync(_dataDir.Path, "http://127.0.0.1:0", "--Capsule:SignInPerMinute=10000");
        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args =
            [
                "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--no-first-run", "--disable-quic",
            ],
        });
    }

    public async Task DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.CloseAsync();
        }
        _playwright?.Dispose();
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }
        _dataDir.Dispose();
    }
}

[CollectionDefinition(Name)]
public sealed class CapsuleCollection : ICollectionFixture<CapsuleFixture>
{
    public const string Name = "Capsule";
}
