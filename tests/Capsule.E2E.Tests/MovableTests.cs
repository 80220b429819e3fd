using System.Text.Json;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Capsule.E2E.Tests;

/// <summary>The runtime-movable fixture: movable-area and movable-view, and the legacy feedback components.</summary>
public sealed class MovableSimulator() : SimulatorFixture(Fixture("runtime-movable"));

/// <summary>
/// movable-view dragged by the mouse and by touch inside its movable-area, moved by setData, flicked,
/// pinched; and the legacy modal, toast, loading and action-sheet components with their events.
/// </summary>
public sealed class MovableTests(CapsuleFixture fixture, MovableSimulator simulator) : BrowserTest(fixture), IClassFixture<MovableSimulator>
{
    private async Task<IFrameLocator> OpenAsync(IPage page, string route)
    {
        await page.GotoAsync(simulator.Url + "/");
        await page.EvaluateAsync("() => capsule.ready");
        await page.EvaluateAsync($"() => capsule.reLaunch('{route}')");
        return page.FrameLocator(".sim-screen iframe");
    }

    private static Task<JsonElement> DataAsync(IPage page) => page.EvaluateAsync<JsonElement>("() => capsule.data()");

    /// <summary>A movable-view's box relative to its area: left, top, width, height (transforms included).</summary>
    private static async Task<double[]> PlaceAsync(IFrameLocator view, string selector) =>
        await view.Locator(selector).EvaluateAsync<double[]>(
            "v => { const a = v.parentElement.getBoundingClientRect(), b = v.getBoundingClientRect(); return [b.left - a.left - v.parentElement.clientLeft, b.top - a.top - v.parentElement.clientTop, b.width, b.height]; }");

    private static async Task AssertPlaceAsync(IFrameLocator view, string selector, params double[] expected)
    {
        var place = await PlaceAsync(view, selector);
        Assert.True(expected.Zip(place).All(p => Math.Abs(p.First - p.Second) < 0.5), $"{selector} is at [{string.Join(", ", place)}], not [{string.Join(", ", expected)}]");
    }

    /// <summary>Where the centre of an element in the program's view is, in the page's coordinates.</summary>
    private static async Task<(double X, double Y)> CentreAsync(IPage page, IFrameLocator view, string selector)
    {
        var frame = await page.Locator(".sim-screen iframe").BoundingBoxAsync() ?? throw new InvalidOperationException("no view frame");
        var box = await view.Locator(selector).EvaluateAsync<double[]>("e => { const r = e.getBoundingClientRect(); return [r.left + r.width / 2, r.top + r.height / 2]; }");
        return (frame.X + box[0], frame.Y + box[1]);
    }

    /// <summary>Waits until the last change a view reported is at (x, y), from the given source.</summary>
    private static Task SettledAsync(IPage page, string id, double x, double y, string source) =>
        page.WaitForFunctionAsync(
            "([id, x, y, source]) => { const d = capsule.data().last[id]; return !!d && d.x === x && d.y === y && d.source === source; }",
            new object[] { id, x, y, source });

    private static async Task MouseDragAsync(IPage page, (double X, double Y) from, double dx, double dy, int steps = 10)
    {
        await page.Mouse.MoveAsync((float)from.X, (float)from.Y);
        await page.Mouse.DownAsync();
        await page.Mouse.MoveAsync((float)(from.X + dx), (float)(from.Y + dy), new() { Steps = steps });
        await page.Mouse.UpAsync();
    }

    /// <summary>Touches the screen as a phone would (Chrome DevTools' touch input): each point is (x, y) in the page.</summary>
    private sealed class Finger(ICDPSession cdp)
    {
        public static async Task<Finger> OnAsync(IPage page) => new(await page.Context.NewCDPSessionAsync(page));

        public Task SendAsync(string type, params (double X, double Y)[] points) =>
            cdp.SendAsync("Input.dispatchTouchEvent", new Dictionary<string, object>
            {
                ["type"] = type,
                ["touchPoints"] = points.Select((p, i) => new Dictionary<string, object> { ["x"] = p.X, ["y"] = p.Y, ["id"] = i }).ToArray(),
            });

        /// <summary>One finger down at `from`, moved by (dx, dy) in `steps`, lifted unless `lift` is false.</summary>
        public async Task DragAsync((double X, double Y) from, double dx, double dy, int steps = 10, bool lift = true)
        {
            await SendAsync("touchStart", from);
            for (var i = 1; i <= steps; i++)
            {
                await SendAsync("touchMove", (from.X + dx * i / steps, from.Y + dy * i / steps));
            }
            if (lift)
            {
                await SendAsync("touchEnd");
            }
        }
    }

    [Fact]
    public Task A_view_follows_the_mouse_within_its_area_and_stops_at_the_edges() => WithPageAsync(async page =>
    {
        var view = await OpenAsync(page, "/pages/drag/drag");
        await AssertPlaceAsync(view, "#free", 10, 20, 50, 50);

        await MouseDragAsync(page, await CentreAsync(page, view, "#free"), 60, 40);
        await SettledAsync(page, "free", 70, 60, "touch");
        await AssertPlaceAsync(view, "#free", 70, 60, 50, 50);

        await MouseDragAsync(page, await CentreAsync(page, view, "#free"), 250, -100);
        await SettledAsync(page, "free", 250, 0, "touch");
        await AssertPlaceAsync(view, "#free", 250, 0, 50, 50);
        var data = await DataAsync(page);
        Assert.Equal(["touch"], data.GetProperty("sources").GetProperty("free").EnumerateArray().Select(s => s.GetString()));
        Assert.Equal(0, data.GetProperty("across").GetInt32());
    });

    [Fact]
    public Task Setting_x_and_y_moves_the_view_animated_unless_animation_is_false() => WithPageAsync(async page =>
    {
        var view = await OpenAsync(page, "/pages/drag/drag");
        await page.EvaluateAsync("() => capsule.tap('.move')");
        await SettledAsync(page, "free", 120, 80, "");
        await AssertPlaceAsync(view, "#free", 120, 80, 50, 50);
        var glided = (await DataAsync(page)).GetProperty("changes").GetProperty("free").GetInt32();
        Assert.True(glided > 1, $"an animated move reports every step on the way, not {glided} change");

        await page.EvaluateAsync("() => capsule.tap('.jump')");
        await SettledAsync(page, "free", 30, 150, "");
        await AssertPlaceAsync(view, "#free", 30, 150, 50, 50);
        Assert.Equal(glided + 1, (await DataAsync(page)).GetProperty("changes").GetProperty("free").GetInt32());
    });

    [Fact]
    public Task Touch_drags_follow_the_direction_and_a_caught_htouchmove_catches_the_touchmoves() => WithPageAsync(async page =>
    {
        var view = await OpenAsync(page, "/pages/drag/drag");
        var finger = await Finger.OnAsync(page);

        await finger.DragAsync(await CentreAsync(page, view, "#rail"), 80, 30);
        await SettledAsync(page, "rail", 80, 0, "touch");
        await AssertPlaceAsync(view, "#rail", 80, 0, 50, 50);

        await finger.DragAsync(await CentreAsync(page, view, "#post"), 20, 50);
        await SettledAsync(page, "post", 0, 50, "touch");
        await AssertPlaceAsync(view, "#post", 100, 50, 50, 50);
        await page.WaitForFunctionAsync("() => capsule.data().pageMoves.post > 0");
        var data = await DataAsync(page);
        Assert.Equal(1, data.GetProperty("across").GetInt32());
        Assert.Equal(1, data.GetProperty("down").GetInt32());
        Assert.False(data.GetProperty("pageMoves").TryGetProperty("rail", out _), "the caught htouchmove caught the drag's touchmoves");

        await finger.DragAsync(await CentreAsync(page, view, "#rail"), 5, 60);
        await page.WaitForFunctionAsync("() => capsule.data().pageMoves.rail > 0");
        await AssertPlaceAsync(view, "#rail", 80, 0, 50, 50);
        Assert.Equal(1, (await DataAsync(page)).GetProperty("across").GetInt32());

        await finger.DragAsync(await CentreAsync(page, view, "#off"), 30, 30);
        await MouseDragAsync(page, await CentreAsync(page, view, "#still"), -30, 30);
        await page.WaitForFunctionAsync("() => capsule.data().pageMoves.off > 0 && capsule.data().pageMoves.still > 0");
        await AssertPlaceAsync(view, "#off", 170, 0, 50, 50);
        await AssertPlaceAsync(view, "#still", 240, 0, 50, 50);
        data = await DataAsync(page);
        Assert.False(data.GetProperty("changes").TryGetProperty("off", out _));
        Assert.False(data.GetProperty("changes").TryGetProperty("still", out _));
    });

    [Fact]
    public Task Out_of_bounds_lets_a_held_view_stray_past_the_edge_and_it_springs_back_when_released() => WithPageAsync(async page =>
    {
        var view = await OpenAsync(page, "/pages/bounds/bounds");
        var finger = await Finger.OnAsync(page);
        var start = await CentreAsync(page, view, "#stray");
        await finger.DragAsync(start, -100, 0, lift: false);
        await SettledAsync(page, "stray", -10, 0, "touch-out-of-bounds");
        await AssertPlaceAsync(view, "#stray", -10, 0, 50, 50);

        await finger.SendAsync("touchEnd");
        await SettledAsync(page, "stray", 0, 0, "out-of-bounds");
        await AssertPlaceAsync(view, "#stray", 0, 0, 50, 50);
        var sources = (await DataAsync(page)).GetProperty("sources").GetProperty("stray").EnumerateArray().Select(s => s.GetString());
        Assert.Equal(["touch-out-of-bounds", "out-of-bounds"], sources);
    });

    [Fact]
    public Task With_inertia_a_flicked_view_slides_on_after_release_and_stops_at_the_edge() => WithPageAsync(async page =>
    {
        var view = await OpenAsync(page, "/pages/bounds/bounds");
        await MouseDragAsync(page, await CentreAsync(page, view, "#flick"), 100, 0, steps: 5);
        await page.WaitForFunctionAsync("() => { const s = capsule.data().sources.flick; return !!s && s.join() === 'touch,friction'; }");
        var released = (await DataAsync(page)).GetProperty("last").GetProperty("flick");
        await page.WaitForFunctionAsync("() => { const d = capsule.data(); const n = d.changes.flick; return new Promise((r) => setTimeout(() => r(capsule.data().changes.flick === n), 300)); }");
        var place = await PlaceAsync(view, "#flick");
        Assert.True(place[0] > 100, $"the view slid on past where it was let go, to {place[0]}");
        Assert.True(place[0] <= 250, $"and no further than the area's edge, not to {place[0]}");
        Assert.Equal(0, place[1]);
        var last = (await DataAsync(page)).GetProperty("last").GetProperty("flick");
        Assert.Equal("friction", last.GetProperty("source").GetString());
        Assert.Equal(place[0], last.GetProperty("x").GetDouble(), 0.5);
        Assert.Equal("friction", released.GetProperty("source").GetString());
    });

    [Fact]
    public Task A_view_larger_than_its_area_moves_only_so_far_that_it_still_covers_the_area() => WithPageAsync(async page =>
    {
        var view = await OpenAsync(page, "/pages/bounds/bounds");
        await AssertPlaceAsync(view, "#cover", -50, -30, 200, 160);
        await MouseDragAsync(page, await CentreAsync(page, view, "#cover"), 300, 300);
        await SettledAsync(page, "cover", 0, 0, "touch");
        await MouseDragAsync(page, await CentreAsync(page, view, "#cover"), -300, -300);
        await SettledAsync(page, "cover", -100, -60, "touch");
        await AssertPlaceAsync(view, "#cover", -100, -60, 200, 160);
    });

    [Fact]
    public Task A_pinch_scales_within_scale_min_and_max_and_scale_value_scales_from_setData() => WithPageAsync(async page =>
    {
        var view = await OpenAsync(page, "/pages/scale/scale");
        await AssertPlaceAsync(view, "#zoom", 100, 100, 100, 100);
        var finger = await Finger.OnAsync(page);
        var (x, y) = await CentreAsync(page, view, "#zoom");
        await finger.SendAsync("touchStart", (x - 10, y), (x + 10, y));
        for (var i = 1; i <= 5; i++)
        {
            await finger.SendAsync("touchMove", (x - 10 - 10 * i, y), (x + 10 + 10 * i, y));
        }
        await finger.SendAsync("touchEnd");
        await page.WaitForFunctionAsync("() => { const s = capsule.data().scale.zoom; return !!s && s.scale === 2 && s.x === 100 && s.y === 100; }");
        await AssertPlaceAsync(view, "#zoom", 50, 50, 200, 200);
        Assert.False((await DataAsync(page)).GetProperty("changes").TryGetProperty("zoom", out _), "scaling about the centre is not a move");

        await page.EvaluateAsync("() => capsule.tap('.zoom')");
        await page.WaitForFunctionAsync("() => capsule.data().scale.zoom?.scale === 1.5");
        await AssertPlaceAsync(view, "#zoom", 75, 75, 150, 150);

        await finger.SendAsync("touchStart", (x - 30, y), (x + 30, y));
        await finger.SendAsync("touchMove", (x - 1, y), (x + 1, y));
        await finger.SendAsync("touchEnd");
        await page.WaitForFunctionAsync("() => capsule.data().scale.zoom?.scale === 0.5");
        await AssertPlaceAsync(view, "#zoom", 125, 125, 50, 50);
    });

    [Fact]
    public Task With_scale_area_a_pinch_anywhere_in_the_area_scales_and_the_simulator_pinches_with_ctrl_and_the_wheel() => WithPageAsync(async page =>
    {
        var view = await OpenAsync(page, "/pages/scale/scale");
        await view.Locator("#wide").ScrollIntoViewIfNeededAsync();
        var area = await view.Locator("#wide").EvaluateAsync<double[]>("v => { const r = v.parentElement.getBoundingClientRect(); return [r.left, r.top]; }");
        var frame = await page.Locator(".sim-screen iframe").BoundingBoxAsync() ?? throw new InvalidOperationException("no view frame");
        await page.Mouse.MoveAsync((float)(frame.X + area[0] + 20), (float)(frame.Y + area[1] + 20));
        await page.Keyboard.DownAsync("Control");
        await page.Mouse.WheelAsync(0, -50);
        await page.Keyboard.UpAsync("Control");
        await page.WaitForFunctionAsync("() => capsule.data().scales.wide === 1");
        var scale = (await DataAsync(page)).GetProperty("scale").GetProperty("wide").GetProperty("scale").GetDouble();
        Assert.Equal(1.649, scale, 0.001);
        var place = await PlaceAsync(view, "#wide");
        Assert.Equal(164.9, place[2], 0.5);

        await page.Mouse.MoveAsync((float)(frame.X + area[0] + 20), (float)(frame.Y + area[1] + 20));
        await page.Mouse.WheelAsync(0, -50);
        Assert.Equal(1, (await DataAsync(page)).GetProperty("scales").GetProperty("wide").GetInt32());
    });

    [Fact]
    public Task A_legacy_modal_reports_confirm_and_cancel_until_the_program_hides_it() => WithPageAsync(async page =>
    {
        var view = await OpenAsync(page, "/pages/legacy/legacy");
        var dialog = view.GetByRole(AriaRole.Dialog);
        await Expect(dialog).ToHaveCountAsync(0);
        await view.Locator(".ask").ClickAsync();
        await Expect(dialog).ToBeVisibleAsync();
        await Expect(dialog).ToContainTextAsync("Send it?");
        await Expect(view.Locator("wx-modal .question")).ToBeVisibleAsync();
        await Expect(view.Locator("wx-modal .question")).ToHaveTextAsync("The message goes to everyone.");
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Send" }).ClickAsync();
        await Expect(view.Locator(".state")).ToContainTextAsync("confirms 1 cancels 0");
        await Expect(dialog).ToHaveCountAsync(0);

        await view.Locator(".ask").ClickAsync();
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Later" }).ClickAsync();
        await Expect(view.Locator(".state")).ToContainTextAsync("confirms 1 cancels 1");
        await view.Locator(".ask").ClickAsync();
        await Expect(dialog).ToBeVisibleAsync();
        var frame = await page.Locator(".sim-screen iframe").BoundingBoxAsync() ?? throw new InvalidOperationException("no view frame");
        await page.Mouse.ClickAsync(frame.X + 10, frame.Y + 10);
        await Expect(view.Locator(".state")).ToContainTextAsync("confirms 1 cancels 2");

        await view.Locator(".tell").ClickAsync();
        await Expect(view.Locator("wx-modal.notice")).ToContainTextAsync("Saved.");
        await Expect(dialog.GetByRole(AriaRole.Button)).ToHaveTextAsync(["OK"]);
        await dialog.GetByRole(AriaRole.Button, new() { Name = "OK" }).ClickAsync();
        await Expect(view.Locator(".state")).ToContainTextAsync("confirms 2 cancels 2");
    });

    [Fact]
    public Task A_legacy_toast_reports_change_after_its_duration_and_loading_shows_until_hidden() => WithPageAsync(async page =>
    {
        var view = await OpenAsync(page, "/pages/legacy/legacy");
        var shown = view.GetByRole(AriaRole.Status);
        await Expect(shown).ToHaveCountAsync(0);
        await view.Locator(".wait").ClickAsync();
        await Expect(shown).ToHaveCountAsync(2);
        await Expect(shown.First).ToBeVisibleAsync();
        await Expect(shown.Last).ToBeVisibleAsync();
        await Expect(view.Locator("wx-toast")).ToContainTextAsync("Done");
        await Expect(view.Locator("wx-loading")).ToContainTextAsync("Loading…");
        Assert.Equal(0, (await DataAsync(page)).GetProperty("toasts").GetInt32());

        await Expect(view.Locator(".state")).ToContainTextAsync("toasts 1");
        await Expect(shown).ToHaveCountAsync(0);
    });

    [Fact]
    public Task A_legacy_action_sheet_shows_its_items_and_reports_cancel_and_the_mask_as_change() => WithPageAsync(async page =>
    {
        var view = await OpenAsync(page, "/pages/legacy/legacy");
        await Expect(view.Locator("wx-action-sheet.unshown")).ToBeHiddenAsync();
        var items = view.Locator("wx-action-sheet-item");
        await Expect(items.First).ToBeHiddenAsync();
        await view.Locator(".choose").ClickAsync();
        await Expect(view.GetByRole(AriaRole.Menu)).ToBeVisibleAsync();
        await Expect(items.Filter(new() { Visible = true })).ToHaveTextAsync(["Photo", "Video", "File"]);
        await items.Filter(new() { HasText = "Video" }).ClickAsync();
        await Expect(view.Locator(".state")).ToContainTextAsync("sheets 0 picked Video");
        await Expect(items.First).ToBeHiddenAsync();

        await view.Locator(".choose").ClickAsync();
        await view.Locator("wx-action-sheet-cancel").ClickAsync();
        await Expect(view.Locator(".state")).ToContainTextAsync("sheets 1 picked Video");
        await view.Locator(".choose").ClickAsync();
        await Expect(items.First).ToBeVisibleAsync();
        var frame = await page.Locator(".sim-screen iframe").BoundingBoxAsync() ?? throw new InvalidOperationException("no view frame");
        await page.Mouse.ClickAsync(frame.X + 10, frame.Y + 10);
        await Expect(view.Locator(".state")).ToContainTextAsync("sheets 2 picked Video");
    });
}
