using System.Text.Json;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Capsule.E2E.Tests;

/// <summary>The runtime-extras fixture, with https://docs.example.com in its request domain list.</summary>
public sealed class RuntimeExtrasSimulator() : SimulatorFixture(Fixture("runtime-extras"))
{
    protected override string[] Arguments => ["--domain", "https://docs.example.com"];
}

/// <summary>
/// What older and larger programs lean on: the legacy canvas API, web-view, custom form fields and input
/// handlers that rewrite what was typed.
/// </summary>
public sealed class RuntimeExtrasTests(CapsuleFixture fixture, RuntimeExtrasSimulator simulator) : BrowserTest(fixture), IClassFixture<RuntimeExtrasSimulator>
{
    private async Task<IFrameLocator> OpenAsync(IPage page, string route)
    {
        await page.GotoAsync(simulator.Url + "/");
        await page.EvaluateAsync("() => capsule.ready");
        await page.EvaluateAsync($"() => capsule.reLaunch('{route}')");
        return page.FrameLocator(".sim-screen iframe");
    }

    /// <summary>The RGBA of one CSS pixel of a canvas's drawing surface (the test browser's pixel ratio is 1).</summary>
    private static Task<int[]> PixelAsync(IFrameLocator view, string canvasId, int x, int y) =>
        view.Locator($"wx-canvas[canvasid={canvasId}]").EvaluateAsync<int[]>(
            "(e, [x, y]) => Array.from(e.shadowRoot.querySelector('canvas').getContext('2d').getImageData(x, y, 1, 1).data)", new[] { x, y });

    [Fact]
    public Task A_legacy_canvas_replays_what_the_logic_layer_recorded_and_exports_a_temporary_file() => WithPageAsync(async page =>
    {
        var view = await OpenAsync(page, "/pages/canvas/canvas");
        await page.WaitForFunctionAsync("() => { const d = capsule.data(); return d.copied && d.surfacePath && d.offscreenPath && d.legacyPixel && d.putPixel; }");

        Assert.Equal(new[] { 255, 0, 0, 255 }, await PixelAsync(view, "legacy", 25, 25));
        Assert.Equal(new[] { 0, 255, 0, 255 }, await PixelAsync(view, "legacy", 75, 25));
        Assert.Equal(new[] { 0, 0, 255, 255 }, await PixelAsync(view, "legacy", 125, 25));
        var gradient = await PixelAsync(view, "legacy", 175, 25);
        Assert.InRange(gradient[0], 100, 160);
        Assert.Equal(gradient[0], gradient[2]);
        var translucent = await PixelAsync(view, "legacy", 25, 75);
        Assert.Equal(new[] { 0, 0, 255 }, translucent[..3]);
        Assert.InRange(translucent[3], 120, 135);
        Assert.Equal(new[] { 255, 0, 0, 255 }, await PixelAsync(view, "legacy", 75, 75));
        Assert.Equal(new[] { 0, 0, 0, 255 }, await PixelAsync(view, "legacy", 125, 75));
        Assert.Equal(new[] { 255, 0, 255, 255 }, await PixelAsync(view, "old", 10, 10));

        var data = await page.EvaluateAsync<JsonElement>("() => capsule.data()");
        Assert.Matches("^wxfile://tmp_[0-9a-f]+\\.png$", data.GetProperty("tempPath").GetString());
        Assert.Matches("^wxfile://tmp_[0-9a-f]+\\.png$", data.GetProperty("surfacePath").GetString());
        Assert.Matches("^wxfile://tmp_[0-9a-f]+\\.png$", data.GetProperty("offscreenPath").GetString());
        Assert.Equal("255,0,0,255", data.GetProperty("legacyPixel").GetString());
        Assert.Equal("255,255,0,255", data.GetProperty("putPixel").GetString());
        Assert.Equal(new[] { 255, 255, 0, 255 }, await PixelAsync(view, "pixels", 4, 4));
        Assert.Equal(new[] { 0, 0, 0, 0 }, await PixelAsync(view, "pixels", 6, 6));
        Assert.True(data.GetProperty("large").GetDouble() > data.GetProperty("small").GetDouble());
        Assert.True(data.GetProperty("small").GetDouble() > 0);
        await Expect(view.Locator("#exported img")).ToHaveJSPropertyAsync("naturalWidth", 200);
        Assert.Equal(new[] { 255, 0, 0, 255 }, await PixelAsync(view, "copy", 25, 25));
        Assert.Equal(new[] { 0, 255, 0, 255 }, await PixelAsync(view, "copy", 75, 25));
    });

    [Fact]
    public Task A_web_view_of_a_listed_domain_fills_the_page_in_a_sandboxed_frame() => WithPageAsync(async page =>
    {
        var view = await OpenAsync(page, "/pages/web/web");
        var frame = view.Locator("wx-web-view iframe");
        await Expect(frame).ToHaveAttributeAsync("src", "https://docs.example.com/guide?from=capsule");
        await Expect(frame).ToHaveAttributeAsync("sandbox", "allow-scripts");
        await Expect(view.Locator("wx-web-view")).ToHaveCSSAsync("position", "fixed");
        var box = await view.Locator("wx-web-view").BoundingBoxAsync() ?? throw new InvalidOperationException("no web-view");
        var screen = await page.Locator(".sim-screen iframe").BoundingBoxAsync() ?? throw new InvalidOperationException("no frame");
        Assert.Equal(screen.Width, box.Width, 1);
        Assert.Equal(screen.Height, box.Height, 1);
    });

    [Fact]
    public Task A_web_view_of_another_domain_is_refused_with_a_message_naming_it() => WithPageAsync(async page =>
    {
        var view = await OpenAsync(page, "/pages/refused/refused");
        await Expect(view.GetByRole(AriaRole.Alert)).ToHaveTextAsync("This page cannot be opened: https://elsewhere.example.org is not in the program's domain list");
        await Expect(view.Locator("wx-web-view iframe")).Not.ToHaveAttributeAsync("src", new System.Text.RegularExpressions.Regex("."));
        await page.WaitForFunctionAsync("() => capsule.data().error !== ''");
        Assert.Equal("https://elsewhere.example.org is not in the program's domain list", (await page.EvaluateAsync<JsonElement>("() => capsule.data()")).GetProperty("error").GetString());
    });

    [Fact]
    public Task Custom_form_fields_groups_and_buttons_take_part_in_submit_and_reset() => WithPageAsync(async page =>
    {
        var view = await OpenAsync(page, "/pages/form/form");
        await view.Locator("[class$='--send']").First.ClickAsync();
        await page.WaitForFunctionAsync("() => capsule.data().submitted !== null");
        Assert.Equal("""{"plain":"p","stars":3,"inner":"i","on":true}""", await page.EvaluateAsync<string>("() => JSON.stringify(capsule.data().submitted)"));

        await view.Locator("#rating [class$='--stars']").First.ClickAsync();
        await Expect(view.Locator("#rating [class$='--stars']").First).ToHaveTextAsync("4");
        await view.Locator("[class$='--send']").First.ClickAsync();
        await page.WaitForFunctionAsync("() => capsule.data().submitted.stars === 4");

        await view.Locator("#reset").ClickAsync();
        await page.WaitForFunctionAsync("() => capsule.data().resets === 1");
        await Expect(view.Locator("#rating [class$='--stars']").First).ToHaveTextAsync("");
        await Expect(view.Locator("input").First).ToHaveValueAsync("");
        await view.Locator("[class$='--send']").First.ClickAsync();
        await page.WaitForFunctionAsync("() => capsule.data().submitted.stars === ''");
    });

    [Fact]
    public Task A_string_returned_by_bindinput_replaces_what_was_typed() => WithPageAsync(async page =>
    {
        var view = await OpenAsync(page, "/pages/form/form");
        await view.Locator("#upper input").FillAsync("abc");
        await Expect(view.Locator("#upper input")).ToHaveValueAsync("ABC");
        await view.Locator("#limited textarea").FillAsync("abcdef");
        await Expect(view.Locator("#limited textarea")).ToHaveValueAsync("abc");
    });

    [Fact]
    public Task Video_and_audio_play_temporary_files_from_the_host() => WithPageAsync(async page =>
    {
        var view = await OpenAsync(page, "/pages/media/media");
        await page.EvaluateAsync("() => capsule.tap('#choose')");
        var chooser = await page.RunAndWaitForFileChooserAsync(() => page.GetByRole(AriaRole.Button, new() { Name = "Choose from files" }).ClickAsync());
        await chooser.SetFilesAsync(Path.Combine(SimulatorFixture.Fixture("runtime-extras"), "media", "silence.wav"));
        await page.WaitForFunctionAsync("() => capsule.data().videoDuration > 0 && capsule.data().audioDuration > 0");
        var data = await page.EvaluateAsync<JsonElement>("() => capsule.data()");
        Assert.Matches("^wxfile://tmp_[0-9a-f]+\\.wav$", data.GetProperty("src").GetString());
        Assert.Equal(0.5, data.GetProperty("videoDuration").GetDouble(), 2);
        Assert.Equal(0.5, data.GetProperty("audioDuration").GetDouble(), 2);
        await Expect(view.Locator("#movie video")).ToHaveAttributeAsync("src", new System.Text.RegularExpressions.Regex("^blob:"));
    });

    [Fact]
    public Task With_the_audio_background_mode_audio_keeps_playing_in_the_background() => WithPageAsync(async page =>
    {
        var view = await OpenAsync(page, "/pages/media/media");
        await view.Locator("#play").ClickAsync();
        await Expect(view.Locator("#events")).ToHaveTextAsync("play");
        await page.EvaluateAsync("() => capsule.background()");
        await page.EvaluateAsync("() => capsule.foreground()");
        await page.WaitForTimeoutAsync(300);
        await page.EvaluateAsync("() => capsule.tap('#playing')");
        await Expect(view.Locator("#events")).ToHaveTextAsync("play,playing");
    });
}
