using Microsoft.Playwright;

namespace Capsule.E2E.Tests;

/// <summary>The compat-patterns fixture: small pages reproducing what real open-source programs do.</summary>
public sealed class CompatPatternsSimulator() : SimulatorFixture(Fixture("compat-patterns"));

/// <summary>
/// Patterns found by running real WeChat programs from public repositories in <c>capsule dev</c>
/// (docs/compatibility.md, "Real programs tried"), each reduced to a page of its own.
/// </summary>
public sealed class CompatibilityTests(CapsuleFixture fixture, CompatPatternsSimulator simulator) : BrowserTest(fixture), IClassFixture<CompatPatternsSimulator>
{
    private async Task OpenAsync(IPage page, string path = "")
    {
        await page.GotoAsync(simulator.Url + "/");
        await page.EvaluateAsync("() => capsule.ready");
        if (path.Length > 0)
        {
            await page.EvaluateAsync("url => capsule.reLaunch(url)", path);
        }
    }

    [Fact]
    public Task A_promise_librarys_look_alike_rejection_event_is_not_reported_as_an_error() => WithPageAsync(async page =>
    {
        await OpenAsync(page);
        await page.EvaluateAsync("() => capsule.tap('#rejection')");
        await page.WaitForFunctionAsync("() => capsule.errors.some(e => e.includes('real rejection'))");
        var errors = await page.EvaluateAsync<string[]>("() => capsule.errors");
        Assert.Equal(["Error: real rejection"], errors.Select(e => e.Split('\n')[0]));
    });
}
