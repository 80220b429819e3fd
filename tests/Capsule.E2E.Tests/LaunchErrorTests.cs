using static Microsoft.Playwright.Assertions;

namespace Capsule.E2E.Tests;

/// <summary>The launch-error fixture: app.js throws while it loads, so the program cannot start.</summary>
public sealed class LaunchErrorSimulator() : SimulatorFixture(Fixture("launch-error"));

/// <summary>A program that cannot start says why, in the developer's own file, line and column.</summary>
public sealed class LaunchErrorTests(CapsuleFixture fixture, LaunchErrorSimulator simulator) : BrowserTest(fixture), IClassFixture<LaunchErrorSimulator>
{
    [Fact]
    public Task A_launch_that_throws_names_the_programs_own_file_and_line_not_the_runtimes_frames() => WithPageAsync(async page =>
    {
        await page.GotoAsync(simulator.Url + "/");
        var reason = await page.EvaluateAsync<string>("() => capsule.ready.then(() => 'started', (error) => error.message)");
        Assert.Contains("the app could not start", reason);
        Assert.Contains("app.js:2:", reason);
        Assert.DoesNotContain("blob:", reason);
        await Expect(page.Locator(".sim-problem")).ToContainTextAsync("app.js:2:");
    });
}
