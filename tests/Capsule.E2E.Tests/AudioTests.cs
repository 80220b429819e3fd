using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Capsule.E2E.Tests;

/// <summary>
/// wx.createInnerAudioContext and wx.getBackgroundAudioManager: contexts in the logic layer whose players are in the
/// container, playing the program's own audio file, with their events and state. Driven by real clicks, since a
/// browser plays sound only after the user has tapped. On the runtime-ui fixture's audio page.
/// </summary>
public sealed class AudioTests(CapsuleFixture fixture, RuntimeUiSimulator simulator) : BrowserTest(fixture), IClassFixture<RuntimeUiSimulator>
{
    private Task<IFrameLocator> OpenAsync(IPage page) => simulator.OpenAsync(page, "/pages/audio/audio");

    [Fact]
    public Task An_inner_audio_context_plays_pauses_stops_seeks_and_ends_a_package_file() => WithPageAsync(async page =>
    {
        var view = await OpenAsync(page);
        await view.Locator("#play").ClickAsync();
        await Expect(view.Locator("#events")).ToHaveTextAsync("play");
        await page.WaitForFunctionAsync("() => capsule.data().time > 0.2 && capsule.data().paused === false");
        Assert.Equal(3, await page.EvaluateAsync<double>("() => capsule.data().duration"), 1);

        await view.Locator("#pause").ClickAsync();
        await Expect(view.Locator("#events")).ToHaveTextAsync("play,pause");
        Assert.True(await page.EvaluateAsync<bool>("() => capsule.data().paused"));

        await view.Locator("#play").ClickAsync();
        await Expect(view.Locator("#events")).ToHaveTextAsync("play,pause,play");
        await view.Locator("#stop").ClickAsync();
        await Expect(view.Locator("#events")).ToHaveTextAsync("play,pause,play,stop");
        Assert.Equal(0, await page.EvaluateAsync<double>("() => capsule.data().time"));

        await view.Locator("#near-the-end").ClickAsync();
        await Expect(view.Locator("#events")).ToHaveTextAsync("play,pause,play,stop,play,ended");
        Assert.Equal("", await view.Locator("#error").TextContentAsync());
    });

    [Fact]
    public Task A_missing_file_is_an_error_and_the_background_manager_plays_as_soon_as_it_has_a_src() => WithPageAsync(async page =>
    {
        var view = await OpenAsync(page);
        await view.Locator("#missing").ClickAsync();
        await Expect(view.Locator("#error")).ToHaveTextAsync("10003 /sounds/none.mp3 not found");

        await view.Locator("#background").ClickAsync();
        await Expect(view.Locator("#events")).ToHaveTextAsync("background Tone true");
    });

    [Fact]
    public Task Audio_and_video_contexts_control_the_element_with_their_id() => WithPageAsync(async page =>
    {
        var view = await OpenAsync(page);
        await view.Locator("#legacy-play").ClickAsync();
        await Expect(view.Locator("#element-events")).ToHaveTextAsync("legacy play");
        await page.WaitForFunctionAsync("() => capsule.data().legacyTime > 1");
        await view.Locator("#legacy-pause").ClickAsync();
        await Expect(view.Locator("#element-events")).ToHaveTextAsync("legacy play,legacy pause");

        await view.Locator("#clip-play").ClickAsync();
        await Expect(view.Locator("#element-events")).ToHaveTextAsync("legacy play,legacy pause,clip play");
        await Expect(view.Locator("#clip video")).ToHaveJSPropertyAsync("playbackRate", 1.5);
        await page.WaitForFunctionAsync("() => capsule.data().clipTime > 0.2");
        await view.Locator("#clip-stop").ClickAsync();
        await Expect(view.Locator("#element-events")).ToHaveTextAsync("legacy play,legacy pause,clip play,clip pause");
        await page.WaitForFunctionAsync("() => capsule.data().clipTime === 0");

        await view.Locator("#blank-src").ClickAsync();
        await Expect(view.Locator("#blank audio")).ToHaveJSPropertyAsync("duration", 3);
    });

    [Fact]
    public Task Playing_audio_pauses_when_the_program_goes_to_the_background_and_stays_paused_on_return() => WithPageAsync(async page =>
    {
        var view = await OpenAsync(page);
        await view.Locator("#play").ClickAsync();
        await Expect(view.Locator("#events")).ToHaveTextAsync("play");
        await page.EvaluateAsync("() => capsule.background()");
        await page.EvaluateAsync("() => capsule.foreground()");
        await Expect(view.Locator("#events")).ToHaveTextAsync("play,pause");
        await page.WaitForTimeoutAsync(300);
        Assert.True(await page.EvaluateAsync<bool>("() => capsule.data().paused"));
        await Expect(view.Locator("#events")).ToHaveTextAsync("play,pause");
    });

    [Fact]
    public Task The_first_releases_background_audio_api_plays_on_the_background_player() => WithPageAsync(async page =>
    {
        var view = await OpenAsync(page);
        await view.Locator("#legacy-background").ClickAsync();
        await Expect(view.Locator("#events")).ToHaveTextAsync("legacy play 1 /sounds/tone.wav,legacy pause 0");
    });
}
