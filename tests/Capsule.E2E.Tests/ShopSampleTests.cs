using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Capsule.E2E.Tests;

/// <summary>A user's journey through samples/shop in the simulator: filter, open, pick a quantity, add, check out.</summary>
public sealed class ShopSampleTests(CapsuleFixture fixture, ShopSimulator simulator) : BrowserTest(fixture), IClassFixture<ShopSimulator>
{
    [Fact]
    public Task A_product_is_filtered_picked_added_to_the_cart_and_checked_out() => WithPageAsync(async page =>
    {
        await page.GotoAsync(simulator.Url + "/");
        await page.EvaluateAsync("() => capsule.ready");
        var view = page.FrameLocator(".sim-screen iframe");
        await Expect(view.Locator("wx-product-card")).ToHaveCountAsync(4);
        await Expect(view.Locator("wx-text.hot")).ToBeVisibleAsync();

        await view.Locator(".category", new() { HasText = "snacks" }).ClickAsync();
        await Expect(view.Locator("wx-product-card")).ToHaveCountAsync(2);
        await view.Locator("wx-product-card").First.ClickAsync();
        await Expect(page.Locator(".sim-title")).ToHaveTextAsync("Mooncake");

        await view.Locator("wx-picker").ClickAsync();
        await view.GetByRole(AriaRole.Option, new() { Name = "3", Exact = true }).ClickAsync();
        await view.GetByRole(AriaRole.Button, new() { Name = "Confirm" }).ClickAsync();
        await Expect(view.Locator(".quantity")).ToHaveTextAsync("Quantity: 3");
        await view.Locator(".add").ClickAsync();
        await Expect(view.Locator(".capsule-badge")).ToHaveTextAsync("3");
        Assert.Equal("pages/home/home", await page.EvaluateAsync<string>("() => capsule.route()"));

        await view.GetByRole(AriaRole.Tab, new() { Name = "Cart" }).ClickAsync();
        await Expect(view.Locator(".line-name")).ToHaveTextAsync("Mooncake × 3");
        await Expect(view.Locator(".total")).ToHaveTextAsync("Total ¥75.00");
        await view.Locator(".checkout").ClickAsync();
        await view.Locator(".capsule-modal-confirm").ClickAsync();
        await Expect(view.Locator(".empty")).ToHaveTextAsync("Your cart is empty.");
        await Expect(view.Locator(".capsule-badge")).ToHaveCountAsync(0);
        Assert.Empty(await page.EvaluateAsync<string[]>("() => capsule.errors"));
    });
}
