using System.Net;
using System.Net.Sockets;
using Capsule.Testing;

namespace Capsule.Server.Tests;

/// <summary>The server as a real process: its printed URL, its data dir, and one clear line on bad start-up input.</summary>
public sealed class StartupTests
{
    [Fact]
    public async Task Prints_its_url_and_keeps_data_in_CAPSULE_DATA_DIR()
    {
        using var dataDir = new TempDirectory();
        await using var server = await ServerProcess.StartAsync(dataDir.Path);

        using var http = new HttpClient();
        var health = await http.GetAsync(server.Url + "/healthz");
        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
        Assert.Matches(@"^http://127\.0\.0\.1:\d+$", server.Url);
        Assert.True(File.Exists(Path.Combine(dataDir.Path, "capsule.db")));
        Assert.NotEmpty(Directory.GetFiles(Path.Combine(dataDir.Path, "bundles"), "*.json"));
    }

    [Fact]
    public async Task An_unwritable_data_dir_ends_with_one_clear_line()
    {
        using var temp = new TempDirectory();
        var blocker = temp.Write("not-a-folder", "a file where the data dir should go");

        var (exitCode, _, errors) = await ServerProcess.RunToExitAsync(Path.Combine(blocker, "data"), "http://127.0.0.1:0");

        Assert.Equal(1, exitCode);
        var line = Assert.Single(errors.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith("capsule: cannot start: the data directory", line);
        Assert.Contains("is not writable", line);
    }

    [Fact]
    public async Task A_busy_port_ends_with_one_clear_line()
    {
        using var dataDir = new TempDirectory();
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;

        var (exitCode, _, errors) = await ServerProcess.RunToExitAsync(dataDir.Path, $"http://127.0.0.1:{port}");

        Assert.Equal(1, exitCode);
        var line = Assert.Single(errors.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith("capsule: cannot start:", line);
        Assert.Contains("address already in use", line);
    }
}
