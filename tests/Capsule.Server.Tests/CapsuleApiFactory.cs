using Capsule.Testing;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Capsule.Server.Tests;

/// <summary>The server in-process against a real SQLite database in a temp data dir, with the demo samples.</summary>
public sealed class CapsuleApiFactory : WebApplicationFactory<Program>
{
    private readonly TempDirectory _dataDir = new();

    public string DataDir => _dataDir.Path;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting("Capsule:DataDir", _dataDir.Path);
        builder.UseSetting("Capsule:DemoSamples", RepoPaths.Samples);
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing)
        {
            _dataDir.Dispose();
        }
    }
}
