using Capsule.Testing;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Capsule.E2E.Tests;

/// <summary>A project written for the test into a folder of its own, so that a test may edit it (hot reload).</summary>
public sealed class EditableSimulator : SimulatorFixture
{
    private readonly TempDirectory _folder;

    public EditableSimulator() : this(WriteProject())
    {
    }

    private EditableSimulator(TempDirectory folder) : base(folder.Path) => _folder = folder;

    public string Root => _folder.Path;

    private static TempDirectory WriteProject()
    {
        var folder = new TempDirectory();
        folder.Write("app.json", """{ "pages": ["pages/index/index"] }""");
        folder.Write("app.js", "App({});");
        folder.Write("pages/index/index.wxml", """<view id="greeting">{{greeting}}</view><button id="inc" bindtap="inc">{{count}}</button>""");
        folder.Write("pages/index/index.wxss", "#greeting { color: #123456; }");
        folder.Write("pages/index/index.js", "Page({ data: { greeting: 'first', count: 0 }, inc() { this.setData({ count: this.data.count + 1 }); } });");
        return folder;
    }

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        _folder.Dispose();
    }
}

/// <summary>
/// Starting the program again inside the loaded simulator page (capsule.restart(), and hot reload): it runs in the
/// container the simulator loaded ahead, with its bundle from memory, so only the manifest is fetched again.
/// </summary>
public sealed class SimulatorRestartTests(CapsuleFixture fixture, EditableSimulator simulator) : BrowserTest(fixture), IClassFixture<EditableSimulator>
{
    private async Task OpenAsync(IPage page)
    {
        await page.GotoAsync(simulator.Url + "/");
        await page.EvaluateAsync("() => capsule.ready");
    }

    /// <summary>Waits until the simulator's next container (in its hidden slot) has loaded its runtime.</summary>
    private static async Task ContainerAheadAsync(IPage page)
    {
        var ahead = await (await page.Locator(".sim-slot iframe").ElementHandleAsync()).ContentFrameAsync();
        await ahead!.WaitForFunctionAsync("() => performance.getEntriesByName('capsule:container-start').length > 0");
    }

    [Fact]
    public Task A_restart_runs_the_program_afresh_in_the_container_loaded_ahead_fetching_only_its_manifest() => WithPageAsync(async page =>
    {
        await OpenAsync(page);
        await page.EvaluateAsync("() => capsule.tap('#inc')");
        Assert.Equal(1, await page.EvaluateAsync<int>("() => capsule.data().count"));
        await ContainerAheadAsync(page);
        await Expect(page.Locator(".sim-slot iframe")).ToHaveAttributeAsync("sandbox", "allow-scripts");
        // Unseen, but at the screen's size, so its first page is not laid out again once shown.
        await Expect(page.Locator(".sim-slot")).ToBeHiddenAsync();
        const string Viewport = "() => [innerWidth, innerHeight]";
        var ahead = await (await page.Locator(".sim-slot iframe").ElementHandleAsync()).ContentFrameAsync();
        var shown = await (await page.Locator(".sim-screen iframe").ElementHandleAsync()).ContentFrameAsync();
        Assert.Equal(await shown!.EvaluateAsync<int[]>(Viewport), await ahead!.EvaluateAsync<int[]>(Viewport));

        // What the simulator page requested from the restart until the new first page was ready.
        var requested = await page.EvaluateAsync<string[]>("""
            async () => {
              const before = performance.getEntriesByType('resource').length;
              await capsule.restart();
              return performance.getEntriesByType('resource').slice(before).map((entry) => new URL(entry.name).pathname);
            }
            """);

        Assert.Equal(0, await page.EvaluateAsync<int>("() => capsule.data().count"));
        Assert.Equal("pages/index/index", await page.EvaluateAsync<string>("() => capsule.route()"));
        await Expect(page.Locator(".sim-screen iframe")).ToHaveCountAsync(1);
        var view = page.FrameLocator(".sim-screen iframe");
        await Expect(view.Locator("#greeting")).ToHaveTextAsync("first");
        await Expect(view.Locator("#greeting")).ToHaveCSSAsync("color", "rgb(18, 52, 86)");
        Assert.Equal(["/dev/program"], requested.Where(path => path != "/dev/version"));
        // The stopped program's container leaves the document once the new one is up: the screen and the next one ahead.
        await Expect(page.Locator("iframe")).ToHaveCountAsync(2);
        await page.EvaluateAsync("() => capsule.tap('#inc')");
        Assert.Equal(1, await page.EvaluateAsync<int>("() => capsule.data().count"));
        Assert.Empty(await page.EvaluateAsync<string[]>("() => capsule.errors"));
    });

    [Fact]
    public Task Editing_a_page_restarts_the_program_with_it_in_the_same_simulator_page() => WithPageAsync(async page =>
    {
        var script = Path.Combine(simulator.Root, "pages", "index", "index.js");
        var original = await File.ReadAllTextAsync(script);
        await OpenAsync(page);
        await page.EvaluateAsync("() => (window.sameSimulatorPage = true)");
        try
        {
            await File.WriteAllTextAsync(script, original.Replace("'first'", "'edited'", StringComparison.Ordinal));
            await page.WaitForFunctionAsync("() => capsule.data().greeting === 'edited'");
            await Expect(page.FrameLocator(".sim-screen iframe").Locator("#greeting")).ToHaveTextAsync("edited");
            Assert.True(await page.EvaluateAsync<bool>("() => window.sameSimulatorPage === true"));
        }
        finally
        {
            await File.WriteAllTextAsync(script, original);
        }
        // Back as it was before the other test of the class runs.
        await page.WaitForFunctionAsync("() => capsule.data().greeting === 'first'");
    });
}
