using Capsule.Testing;

namespace Capsule.Cli.Tests;

/// <summary>`capsule dev` refuses bad input with one readable line (the simulator itself is tested in Capsule.E2E.Tests).</summary>
public sealed class DevCommandTests
{
    [Fact]
    public void A_missing_project_folder_is_refused()
    {
        using var temp = new TempDirectory();
        var run = Cli.Invoke("dev", Path.Combine(temp.Path, "nowhere"), "--port", "0");

        Assert.Equal(ExitCodes.BadInput, run.ExitCode);
        Assert.Contains("nowhere", run.Errors);
    }

    [Fact]
    public void A_port_out_of_range_is_refused()
    {
        var run = Cli.Invoke("dev", RepoPaths.Sample("hello"), "--port", "70000");

        Assert.Equal(ExitCodes.BadInput, run.ExitCode);
        Assert.Contains("--port must be between 0 and 65535", run.Errors);
    }
}
