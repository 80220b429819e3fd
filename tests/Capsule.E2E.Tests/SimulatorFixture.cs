using Capsule.Testing;
using Microsoft.Playwright;

namespace Capsule.E2E.Tests;

/// <summary><c>capsule dev</c> serving one project for a test class.</summary>
public abstract class SimulatorFixture(string projectRoot) : IAsyncLifetime
{
    /// <summary>More arguments for <c>capsule dev</c>, known only once the fixture starts (a mock's port, say).</summary>
    protected virtual string[] Arguments => [];

    public static string Fixture(string name) => Path.Combine(RepoPaths.Root, "tests", "Capsule.E2E.Tests", "Fixtures", name);

    private LaunchedProcess? _simulator;

    public string Url => _simulator?.Url ?? throw new InvalidOperationException("the simulator is not started");

    public virtual async Task InitializeAsync() => _simulator = await SimulatorProcess.StartAsync(projectRoot, Arguments);

    /// <summary>Loads the simulator page, waits for the program's first page and, if given, relaunches it on <paramref name="route"/>; the program's frame.</summary>
    public async Task<IFrameLocator> OpenAsync(IPage page, string route = "")
    {
        await page.GotoAsync(Url + "/");
        await page.EvaluateAsync("() => capsule.ready");
        if (route.Length > 0)
        {
            await page.EvaluateAsync("route => capsule.reLaunch(route)", route);
        }
        return page.FrameLocator(".sim-screen iframe");
    }

    public virtual async Task DisposeAsync()
    {
        if (_simulator is not null)
        {
            await _simulator.DisposeAsync();
        }
    }
}

/// <summary>The runtime-basics fixture: one small page per runtime feature.</summary>
public sealed class RuntimeBasicsSimulator() : SimulatorFixture(Fixture("runtime-basics"));

/// <summary>samples/todo: tab bar, custom component, template, wxs, form and storage.</summary>
public sealed class TodoSimulator() : SimulatorFixture(RepoPaths.Sample("todo"));

/// <summary>samples/shop: swiper, scroll-view, component with a named slot, picker, tab badge, modal.</summary>
public sealed class ShopSimulator() : SimulatorFixture(RepoPaths.Sample("shop"));

/// <summary>samples/bike: map placeholder, form validation, a timer, switchTab, storage and a component list.</summary>
public sealed class BikeSimulator() : SimulatorFixture(RepoPaths.Sample("bike"));
