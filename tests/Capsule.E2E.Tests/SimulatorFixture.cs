using Capsule.Testing;

namespace Capsule.E2E.Tests;

/// <summary><c>capsule dev</c> serving the runtime-basics fixture project, shared by the simulator tests.</summary>
public sealed class SimulatorFixture : IAsyncLifetime
{
    public static string Project(string name) => Path.Combine(RepoPaths.Root, "tests", "Capsule.E2E.Tests", "Fixtures", name);

    private LaunchedProcess? _simulator;

    public string Url => _simulator?.Url ?? throw new InvalidOperationException("the simulator is not started");

    public async Task InitializeAsync() => _simulator = await SimulatorProcess.StartAsync(Project("runtime-basics"));

    public async Task DisposeAsync()
    {
        if (_simulator is not null)
        {
            await _simulator.DisposeAsync();
        }
    }
}
