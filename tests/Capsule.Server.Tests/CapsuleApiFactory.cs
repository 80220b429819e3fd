using Capsule.Testing;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Capsule.Server.Tests;

/// <summary>The server in-process against a real SQLite database in a temp data dir, with the demo samples.</summary>
public class CapsuleApiFactory : WebApplicationFactory<Program>
{
    private readonly TempDirectory _dataDir = new();

    public const string OperatorEmail = "operator@capsule.test";

    public string DataDir => _dataDir.Path;

    /// <summary>High by default so tests that sign in often are not limited; the rate-limit test lowers it.</summary>
    protected virtual int SignInPerMinute => 10_000;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting("Capsule:DataDir", _dataDir.Path);
        builder.UseSetting("Capsule:DemoSamples", RepoPaths.Samples);
        builder.UseSetting("Capsule:OperatorEmails:0", OperatorEmail);
        builder.UseSetting("Capsule:SignInPerMinute", SignInPerMinute.ToString(System.Globalization.CultureInfo.InvariantCulture));
        builder.UseSetting("Capsule:Upload:MaxPackageBytes", (2 * 1024 * 1024).ToString(System.Globalization.CultureInfo.InvariantCulture));
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
