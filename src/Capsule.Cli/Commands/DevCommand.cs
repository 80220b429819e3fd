using System.CommandLine;
using Capsule.Cli.Dev;
using Capsule.Network;
using Microsoft.Extensions.Hosting;

namespace Capsule.Cli.Commands;

/// <summary>
/// <c>capsule dev &lt;projectRoot&gt; [--port N]</c>: serves the project in the simulator at
/// <c>http://127.0.0.1:N/</c>, compiled again (and the page reloaded) whenever a file changes.
/// </summary>
public static class DevCommand
{
    public const int DefaultPort = 7700;

    public static Command Create()
    {
        var projectRoot = ProjectRoot.Argument();
        var port = new Option<int>("--port") { Description = "The port to serve the simulator on (0 picks a free one)", DefaultValueFactory = _ => DefaultPort };
        var mocks = new Option<string[]>("--mock")
        {
            Description = "Serve a server domain's calls from a local mock: --mock https://api.example.com=http://127.0.0.1:4000, or its sockets: --mock wss://api.example.com=ws://127.0.0.1:4000 (repeatable)",
            Arity = ArgumentArity.ZeroOrMore,
        };
        var domains = new Option<string[]>("--domain")
        {
            Description = "Allow calls to a real server domain, as its domain lists would: --domain https://api.example.com or wss://api.example.com (repeatable)",
            Arity = ArgumentArity.ZeroOrMore,
        };
        var command = new Command("dev", "Run a mini program in the simulator, reloading it when its files change")
        {
            projectRoot,
            port,
            mocks,
            domains,
        };
        command.SetAction(async (parse, cancellation) =>
        {
            var output = parse.InvocationConfiguration.Output;
            var error = parse.InvocationConfiguration.Error;
            if (ProjectRoot.Existing(parse, projectRoot) is not { } root)
            {
                return ExitCodes.BadInput;
            }
            if (parse.GetValue(port) is < 0 or > 65535)
            {
                error.WriteLine("capsule: --port must be between 0 and 65535");
                return ExitCodes.BadInput;
            }
            if (!File.Exists(Path.Combine(DevServer.ClientFolder, "simulator.html")))
            {
                error.WriteLine($"capsule: the simulator's files are missing from {DevServer.ClientFolder}; build the client (npm run build in client/) and then the CLI");
                return ExitCodes.BadInput;
            }
            var mocked = new Dictionary<string, Uri>(StringComparer.Ordinal);
            foreach (var value in parse.GetValue(mocks) ?? [])
            {
                var (origin, target, problem) = DevNetwork.ParseMock(value);
                if (problem is not null)
                {
                    error.WriteLine($"capsule: {problem}");
                    return ExitCodes.BadInput;
                }
                mocked[origin!] = target!;
            }
            var allowed = new List<string>();
            foreach (var value in parse.GetValue(domains) ?? [])
            {
                var (origin, problem) = DomainRules.Normalize(value);
                if (problem is not null)
                {
                    error.WriteLine($"capsule: --domain {problem}");
                    return ExitCodes.BadInput;
                }
                allowed.Add(origin!);
            }
            var project = new DevProject(root.FullName);
            using var network = new DevNetwork(mocked, allowed);
            await using var app = DevServer.Build(project, parse.GetValue(port), network);
            try
            {
                await app.StartAsync(cancellation);
            }
            catch (IOException e)
            {
                error.WriteLine($"capsule: cannot start the simulator: {e.Message}");
                return ExitCodes.BadInput;
            }
            output.WriteLine($"Capsule simulator running {root.FullName} at {app.Urls.First()}/");
            await app.WaitForShutdownAsync(cancellation);
            return ExitCodes.Success;
        });
        return command;
    }
}
