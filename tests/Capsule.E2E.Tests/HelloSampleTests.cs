using Capsule.E2E.Tests.Pages;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Capsule.E2E.Tests;

/// <summary>The thinnest whole path: samples/hello compiled at start, opened from the shell, drawn in a sandbox.</summary>
public sealed class HelloSampleTests(CapsuleFixture fixture) : BrowserTest(fixture)
{
    [Fact]
    public Task Opening_hello_from_the_home_page_renders_its_initial_data() => WithUserAsync(async (page, _) =>
    {
        var home = await new HomePage(page).OpenAsync();
        await home.Card("Hello Capsule").ClickAsync();

        var program = new MiniProgramPage(page);
        await program.WaitForFirstPageAsync();
        await Expect(program.Title).ToHaveTextAsync("Fruit stall");
        await Expect(program.View.Locator("wx-text.title")).ToHaveTextAsync("Hello, Capsule!");
        await Expect(program.View.Locator("wx-view.subtitle")).ToHaveTextAsync("3 fruits today");
        await Expect(program.View.Locator("wx-view.fruit")).ToHaveCountAsync(3);
        await Expect(program.View.Locator("wx-view.fruit").Nth(1)).ToContainTextAsync("2. Mango");
        await Expect(program.View.Locator("wx-view.fruit.dear")).ToHaveCountAsync(2);
        Assert.Matches(@"/#/mp/wx[0-9a-f]{16}$", page.Url);
    });

    [Fact]
    public Task The_program_runs_in_an_opaque_origin_sandbox_without_network() => WithUserAsync(async (page, _) =>
    {
        var appId = await HelloAppIdAsync(page);
        var program = await new MiniProgramPage(page).OpenAsync(appId);
        await program.WaitForFirstPageAsync();
        await Expect(program.ContainerFrameElement).ToHaveAttributeAsync("sandbox", "allow-scripts");

        var frame = await program.ContainerFrameAsync();
        Assert.Equal("null", await frame.EvaluateAsync<string>("() => self.origin"));
        Assert.Equal("blocked", await frame.EvaluateAsync<string>(
            "() => { try { return parent.document.title; } catch { return 'blocked'; } }"));
        Assert.Equal("blocked", await frame.EvaluateAsync<string>(
            "() => fetch('/healthz').then(() => 'reached', () => 'blocked')"));
    });

    [Fact]
    public Task An_unknown_appid_shows_a_readable_error() => WithUserAsync(async (page, _) =>
    {
        var program = await new MiniProgramPage(page).OpenAsync("wx0000000000000000");
        await Expect(program.Status).ToContainTextAsync("There is no mini program with appid wx0000000000000000");
    });

    private async Task<string> HelloAppIdAsync(IPage page)
    {
        var response = await page.APIRequest.GetAsync($"{Fixture.BaseUrl}/api/programs/demo");
        var programs = await response.JsonAsync();
        foreach (var program in programs!.Value.EnumerateArray())
        {
            if (program.GetProperty("name").GetString() == "Hello Capsule")
            {
                return program.GetProperty("appId").GetString()!;
            }
        }
        throw new InvalidOperationException("the hello sample was not published");
    }
}
