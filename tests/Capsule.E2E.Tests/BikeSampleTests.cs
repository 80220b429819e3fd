using static Microsoft.Playwright.Assertions;

namespace Capsule.E2E.Tests;

/// <summary>A user's journey through samples/bike in the simulator: a wrong code, unlock, ride, end, history.</summary>
public sealed class BikeSampleTests(CapsuleFixture fixture, BikeSimulator simulator) : BrowserTest(fixture), IClassFixture<BikeSimulator>
{
    [Fact]
    public Task A_ride_is_unlocked_timed_ended_and_listed_with_its_fare() => WithPageAsync(async page =>
    {
        await page.GotoAsync(simulator.Url + "/");
        await page.EvaluateAsync("() => capsule.ready");
        var view = page.FrameLocator(".sim-screen iframe");
        await Expect(view.Locator("wx-map")).ToHaveAttributeAsync("aria-label", "Map is not available in Capsule");

        await view.Locator(".code input").FillAsync("12");
        await view.Locator(".unlock").ClickAsync();
        await Expect(view.Locator(".capsule-modal-content")).ToHaveTextAsync("A bike code has 6 digits.");
        await view.Locator(".capsule-modal-confirm").ClickAsync();

        await view.Locator(".code input").FillAsync("204816");
        await view.Locator(".unlock").ClickAsync();
        await Expect(view.Locator(".ride .bike")).ToHaveTextAsync("Bike 204816");
        await Expect(view.Locator(".clock")).ToHaveTextAsync("00:02", new() { Timeout = 10_000 });
        await view.Locator(".end").ClickAsync();

        await Expect(page.Locator(".sim-title")).ToHaveTextAsync("History");
        await Expect(view.Locator("wx-ride-row")).ToHaveCountAsync(1);
        await Expect(view.Locator("wx-ride-row [class$='--bike']")).ToHaveTextAsync("Bike 204816");
        await Expect(view.Locator("wx-ride-row [class$='--fare']")).ToHaveTextAsync("¥1.50");
        Assert.Empty(await page.EvaluateAsync<string[]>("() => capsule.errors"));
    });
}
