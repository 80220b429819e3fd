using System.Text.Json;
using Capsule.Testing;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Capsule.E2E.Tests;

/// <summary>
/// The runtime's framework features, built-ins and device APIs, driven through <c>capsule dev</c> on the
/// runtime-ui fixture.
/// </summary>
public sealed class RuntimeUiTests(CapsuleFixture fixture, RuntimeUiSimulator simulator) : BrowserTest(fixture), IClassFixture<RuntimeUiSimulator>
{
    private Task<IFrameLocator> OpenAsync(IPage page, string route) => simulator.OpenAsync(page, route);

    [Fact]
    public Task Keyed_list_items_keep_their_typed_text_and_component_state_when_moved() => WithPageAsync(async page =>
    {
        var view = await OpenAsync(page, "/pages/keyed/keyed");
        await view.Locator("#row-a input").FillAsync("typed in a");
        await view.Locator("#row-c input").FillAsync("typed in c");
        await view.Locator("#row-a [class$='--tally']").ClickAsync();
        await Expect(view.Locator("#row-a [class$='--tally']")).ToHaveTextAsync("a:1");
        await view.Locator("wx-input.word input").First.FillAsync("typed in x");

        await page.EvaluateAsync("() => capsule.tap('#reverse')");
        await Expect(view.Locator("wx-view.row .label")).ToHaveTextAsync(["c", "b", "a"]);
        await Expect(view.Locator("#row-a input")).ToHaveValueAsync("typed in a");
        await Expect(view.Locator("#row-c input")).ToHaveValueAsync("typed in c");
        await Expect(view.Locator("#row-b input")).ToHaveValueAsync("");
        await Expect(view.Locator("#row-a [class$='--tally']")).ToHaveTextAsync("a:1");
        await Expect(view.Locator("#row-c [class$='--tally']")).ToHaveTextAsync("c:0");
        await Expect(view.Locator("wx-input.word input").Last).ToHaveValueAsync("typed in x");

        await page.EvaluateAsync("() => capsule.tap('#prepend')");
        await Expect(view.Locator("wx-view.row .label")).ToHaveTextAsync(["n3", "c", "b", "a"]);
        await Expect(view.Locator("#row-n3 input")).ToHaveValueAsync("");
        await Expect(view.Locator("#row-a input")).ToHaveValueAsync("typed in a");
        await Expect(view.Locator("#row-a [class$='--tally']")).ToHaveTextAsync("a:1");
    });

    [Fact]
    public Task A_virtual_host_component_lays_its_nodes_out_as_its_parents_children() => WithPageAsync(async page =>
    {
        var view = await OpenAsync(page, "/pages/virtual/virtual");
        await Expect(view.Locator("#virtual [class$='--cell']")).ToHaveCountAsync(3);
        foreach (var width in await view.Locator("#virtual [class$='--cell']").EvaluateAllAsync<double[]>("cells => cells.map(c => c.getBoundingClientRect().width)"))
        {
            Assert.Equal(100, width, 1);
        }
        var plain = await view.Locator("#plain [class$='--cell']").EvaluateAllAsync<double[]>("cells => cells.map(c => c.getBoundingClientRect().width)");
        Assert.All(plain, width => Assert.True(width < 50, $"a plain host is the flex item, so its cell keeps its text's width ({width})"));
    });

    [Fact]
    public Task Relations_link_parent_and_children_through_slots_and_generics_pick_the_named_component() => WithPageAsync(async page =>
    {
        var view = await OpenAsync(page, "/pages/relations/relations");
        await Expect(view.Locator("#box [class$='--count']")).ToHaveTextAsync("3 +r1+r2+r3");
        await Expect(view.Locator("[class$='--parent']")).ToHaveTextAsync(["r1 in components/list-box/list-box", "r2 in components/list-box/list-box", "r3 in components/list-box/list-box", "loose in none"]);
        await page.EvaluateAsync("() => capsule.tap('#drop')");
        await Expect(view.Locator("#box [class$='--count']")).ToHaveTextAsync("2 +r1+r2+r3-r3");
        await Expect(view.Locator("#fancy [class$='--fancy']")).ToHaveTextAsync("fancy A");
        await Expect(view.Locator("#plain [class$='--plain']")).ToHaveTextAsync("plain B");
    });

    [Fact]
    public Task Intersection_observer_animation_and_a_2d_canvas_drawn_from_the_logic_layer() => WithPageAsync(async page =>
    {
        var view = await OpenAsync(page, "/pages/effects/effects");
        await page.WaitForFunctionAsync("() => capsule.data().pixel !== ''");
        var data = await page.EvaluateAsync<JsonElement>("() => capsule.data()");
        Assert.Equal("0,128,255,255", data.GetProperty("pixel").GetString());
        Assert.Equal(200, data.GetProperty("canvasWidth").GetDouble(), 1);
        Assert.Equal("true,true,false", data.GetProperty("canIUse").GetString());
        Assert.Equal(-1, data.GetProperty("ratio").GetDouble());

        await page.EvaluateAsync("() => capsule.tap('#down')");
        await page.WaitForFunctionAsync("() => capsule.data().ratio > 0");
        Assert.Equal("t", (await page.EvaluateAsync<JsonElement>("() => capsule.data()")).GetProperty("targetId").GetString());

        await page.EvaluateAsync("() => capsule.tap('#move')");
        await Expect(view.Locator("wx-view.box")).ToHaveCSSAsync("opacity", "0.5");
        await Expect(view.Locator("wx-view.box")).ToHaveCSSAsync("transform", new System.Text.RegularExpressions.Regex(@"^matrix\(0, 1, -1, 0, 40, 0\)$|^matrix\(6\.\d+e-17, 1, -1, 6\.\d+e-17, 40, 0\)$"));
    });

    [Fact]
    public Task PageScrollTo_a_selector_brings_its_node_to_the_top_moved_by_offsetTop() => WithPageAsync(async page =>
    {
        var view = await OpenAsync(page, "/pages/anchors/anchors");
        await page.EvaluateAsync("() => capsule.tap('#to-target')");
        await page.WaitForFunctionAsync("() => capsule.data().scrollError === 'pageScrollTo:fail no node matches \"#nowhere\"'");
        Assert.Equal(10, await view.Locator("#t").EvaluateAsync<double>("t => t.getBoundingClientRect().top"), 1);
    });

    [Fact]
    public Task ChooseImage_goes_through_the_hosts_own_sheet_and_gives_a_temporary_path_previewImage_shows_it() => WithPageAsync(async page =>
    {
        await OpenAsync(page, "/pages/device/device");
        await page.EvaluateAsync("() => capsule.tap('#choose')");
        await page.GetByRole(AriaRole.Button, new() { Name = "Cancel" }).ClickAsync();
        await page.WaitForFunctionAsync("() => capsule.data().error === 'chooseImage:fail cancel'");

        await page.EvaluateAsync("() => capsule.tap('#choose')");
        var chooser = await page.RunAndWaitForFileChooserAsync(() => page.GetByRole(AriaRole.Button, new() { Name = "Choose from files" }).ClickAsync());
        await chooser.SetFilesAsync(Path.Combine(SimulatorFixture.Fixture("runtime-ui"), "images", "dot.png"));
        await page.WaitForFunctionAsync("() => capsule.data().paths.length === 1");
        var data = await page.EvaluateAsync<JsonElement>("() => capsule.data()");
        Assert.Matches("^wxfile://tmp_[0-9a-f]+\\.png$", data.GetProperty("paths")[0].GetString());
        Assert.Equal(new FileInfo(Path.Combine(SimulatorFixture.Fixture("runtime-ui"), "images", "dot.png")).Length, data.GetProperty("size").GetInt64());

        await page.EvaluateAsync("() => capsule.tap('#preview')");
        var viewer = page.GetByRole(AriaRole.Dialog, new() { Name = "Image preview" });
        await Expect(viewer.Locator("img")).ToHaveJSPropertyAsync("naturalWidth", 2);
        await viewer.ClickAsync();
        await Expect(viewer).ToBeHiddenAsync();
    });

    [Fact]
    public Task GetLocation_asks_the_user_first_deny_fails_with_auth_deny() => WithPageAsync(async page =>
    {
        await OpenAsync(page, "/pages/device/device");
        await page.EvaluateAsync("() => capsule.tap('#locate')");
        await page.GetByRole(AriaRole.Button, new() { Name = "Deny" }).ClickAsync();
        await page.WaitForFunctionAsync("() => capsule.data().error === 'getLocation:fail auth deny'");
    });

    [Fact]
    public Task GetLocation_answers_the_browsers_position_once_allowed() => WithPageAsync(async page =>
    {
        await page.Context.GrantPermissionsAsync(["geolocation"]);
        await page.Context.SetGeolocationAsync(new Geolocation { Latitude = 31.2304f, Longitude = 121.4737f });
        await OpenAsync(page, "/pages/device/device");
        await page.EvaluateAsync("() => capsule.tap('#locate')");
        await page.GetByRole(AriaRole.Button, new() { Name = "Allow" }).ClickAsync();
        await page.WaitForFunctionAsync("() => capsule.data().latitude !== 0");
        var data = await page.EvaluateAsync<JsonElement>("() => capsule.data()");
        Assert.Equal(31.2304, data.GetProperty("latitude").GetDouble(), 3);
        Assert.Equal(121.4737, data.GetProperty("longitude").GetDouble(), 3);
    });

    /// <summary>
    /// The wx APIs the runtime implements (the wx object's own names; everything else answers "not supported"),
    /// against the API names of miniprogram-api-typings listed in docs/wx-api-names.txt: compatibility.md must
    /// state the share this measures, so the figure stays true as APIs are added.
    /// </summary>
    [Fact]
    public Task A_window_made_smaller_runs_onResize_the_resize_listeners_and_pageLifetimes_and_updates_the_system_info() => WithPageAsync(async page =>
    {
        var view = await OpenAsync(page, "/pages/resize/resize");
        await Expect(view.Locator("#watch")).ToBeAttachedAsync();
        await Expect(view.Locator("#on-resize")).ToBeEmptyAsync();

        await page.SetViewportSizeAsync(1280, 560);
        await Expect(view.Locator("#on-resize")).Not.ToBeEmptyAsync();
        var container = await (await page.Locator(".sim-screen iframe").ElementHandleAsync()).ContentFrameAsync();
        var size = await container!.EvaluateAsync<string>("() => `${innerWidth}x${innerHeight}`");
        Assert.EndsWith("x" + (560 - 44), size);
        await Expect(view.Locator("#on-resize")).ToHaveTextAsync($"{size} portrait");
        await Expect(view.Locator("#listener")).ToHaveTextAsync(size);
        await Expect(view.Locator("#info")).ToHaveTextAsync(size);
        await Expect(view.Locator("#watch [class$='--size']")).ToHaveTextAsync(size);
    });

    [Fact]
    public Task Text_decodes_entities_and_keeps_spaces_only_when_asked_and_is_selectable_only_when_asked() => WithPageAsync(async page =>
    {
        var view = await OpenAsync(page, "/pages/text/text");
        await Expect(view.Locator("#decoded")).ToHaveJSPropertyAsync("textContent", "a\u00A0b<c>d&lt;e\"f'g\u2002h\u2003i");
        await Expect(view.Locator("#raw")).ToHaveJSPropertyAsync("textContent", "a&nbsp;b&lt;c");
        await Expect(view.Locator("#in-view")).ToHaveJSPropertyAsync("textContent", "a&nbsp;b");
        await Expect(view.Locator("#ensp")).ToHaveJSPropertyAsync("textContent", "a\u2002\u2002b");
        await Expect(view.Locator("#emsp")).ToHaveJSPropertyAsync("textContent", "a\u2003b");
        await Expect(view.Locator("#nbsp")).ToHaveJSPropertyAsync("textContent", "w\u00A0&\u00A0w");
        await Expect(view.Locator("#collapsed")).ToHaveJSPropertyAsync("innerText", "a b");
        await Expect(view.Locator("#selectable")).ToHaveCSSAsync("user-select", "text");
        await Expect(view.Locator("#plain")).ToHaveCSSAsync("user-select", "none");

        await page.EvaluateAsync("() => capsule.tap('#undecode')");
        await Expect(view.Locator("#nbsp")).ToHaveJSPropertyAsync("textContent", "v\u00A0&amp;\u00A0v");
    });

    [Fact]
    public Task Going_to_the_background_and_back_runs_onHide_and_onShow_with_the_new_scene() => WithPageAsync(async page =>
    {
        var view = await OpenAsync(page, "/pages/lifecycle/lifecycle");
        await Expect(view.Locator(".entry")).ToHaveTextAsync(["page.onShow 1001"]);

        await page.EvaluateAsync("() => capsule.background()");
        await Expect(page.Locator(".sim-screen")).ToBeHiddenAsync();
        await page.EvaluateAsync("() => capsule.foreground(1089)");
        await Expect(page.Locator(".sim-screen")).ToBeVisibleAsync();
        await Expect(view.Locator(".entry")).ToHaveTextAsync([
            "page.onShow 1001",
            "page.onHide", "App.onHide", "wx.onAppHide",
            "App.onShow 1089 pages/lifecycle/lifecycle", "wx.onAppShow 1089", "page.onShow 1089",
        ]);
    });

    [Fact]
    public Task The_share_of_the_wx_API_implemented_is_the_one_the_docs_state() => WithPageAsync(async page =>
    {
        await OpenAsync(page, "/pages/apis/apis");
        await page.WaitForFunctionAsync("() => Array.isArray(capsule.data().apis)");
        var implemented = (await page.EvaluateAsync<string[]>("() => capsule.data().apis")).ToHashSet(StringComparer.Ordinal);
        var docs = Path.Combine(RepoPaths.Root, "docs");
        var typings = File.ReadAllLines(Path.Combine(docs, "wx-api-names.txt")).Where(l => l.Length > 0 && !l.StartsWith('#')).ToList();
        var covered = typings.Count(implemented.Contains);
        var figure = $"{covered} of {typings.Count} ({Math.Round(100.0 * covered / typings.Count)}%)";
        Assert.Contains($"implements **{figure}**", await File.ReadAllTextAsync(Path.Combine(docs, "compatibility.md")));
    });

    [Fact]
    public Task An_uncaught_error_names_the_programs_own_file_line_and_column() => WithPageAsync(async page =>
    {
        await OpenAsync(page, "/pages/boom/boom");
        await page.EvaluateAsync("() => capsule.tap('#boom')");
        await page.WaitForFunctionAsync("() => capsule.errors.some(e => e.includes('TypeError'))");
        var errors = await page.EvaluateAsync<string[]>("() => capsule.errors");
        Assert.True(errors.Any(e => e.Contains("pages/boom/boom.js:5:") && !e.Contains("blob:")), string.Join("\n", errors));
        await page.EvaluateAsync("() => capsule.tap('#show')");
        Assert.Contains("pages/boom/boom.js:5:", (await page.EvaluateAsync<JsonElement>("() => capsule.data()")).GetProperty("reported").GetString());
    });
}
