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

    [Theory]
    [InlineData("wss://api.example.com=http://127.0.0.1:4000", "the mock must be a ws:// or wss:// address")]
    [InlineData("https://api.example.com=ws://127.0.0.1:4000", "the mock must be an http:// or https:// address")]
    [InlineData("ws://api.example.com=ws://127.0.0.1:4000", "is not an https:// or wss:// address")]
    public void A_mock_speaks_the_protocol_of_the_domain_it_stands_for(string mock, string error)
    {
        var run = Cli.Invoke("dev", RepoPaths.Sample("hello"), "--port", "0", "--mock", mock);

        Assert.Equal(ExitCodes.BadInput, run.ExitCode);
        Assert.Contains(error, run.Errors);
    }
}
