using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Capsule.E2E.Tests;

/// <summary>The runtime-pickers fixture: picker in every mode and picker-view.</summary>
public sealed class PickersSimulator() : SimulatorFixture(Fixture("runtime-pickers"));

/// <summary>
/// picker opens WeChat's sheet of wheels (selector, multiSelector, time, date, region) and picker-view
/// embeds wheels in the page; both report WeChat's event details.
/// </summary>
public sealed class PickerTests(CapsuleFixture fixture, PickersSimulator simulator) : BrowserTest(fixture), IClassFixture<PickersSimulator>
{
    private async Task<IFrameLocator> OpenAsync(IPage page, string route)
    {
        await page.GotoAsync(simulator.Url + "/");
        await page.EvaluateAsync("() => capsule.ready");
        await page.EvaluateAsync($"() => capsule.reLaunch('{route}')");
        return page.FrameLocator(".sim-screen iframe");
    }

    private static ILocator Wheel(IFrameLocator view, int column) => view.Locator(".capsule-picker").GetByRole(AriaRole.Listbox).Nth(column);

    private static ILocator Option(IFrameLocator view, int column, string name) => Wheel(view, column).GetByRole(AriaRole.Option, new() { Name = name, Exact = true });

    private static Task ConfirmAsync(IFrameLocator view) => view.GetByRole(AriaRole.Button, new() { Name = "Confirm" }).ClickAsync();

    [Fact]
    public Task A_selector_picks_by_tap_or_by_wheel_and_cancel_keeps_the_value() => WithPageAsync(async page =>
    {
        var view = await OpenAsync(page, "/pages/sheet/sheet");
        await Expect(view.Locator(".fruit")).ToHaveTextAsync("Fruit: Banana");
        await view.Locator("#fruit").ClickAsync();
        await Expect(view.GetByRole(AriaRole.Dialog)).ToContainTextAsync("Pick a fruit");
        await Expect(Wheel(view, 0).Locator("[aria-selected=true]")).ToHaveTextAsync("Banana");
        await Option(view, 0, "Durian").ClickAsync();
        await ConfirmAsync(view);
        await Expect(view.Locator(".fruit")).ToHaveTextAsync("Fruit: Durian");
        await Expect(view.GetByRole(AriaRole.Dialog)).ToHaveCountAsync(0);

        await view.Locator("#fruit").ClickAsync();
        await Option(view, 0, "Apple").ClickAsync();
        await view.GetByRole(AriaRole.Button, new() { Name = "Cancel" }).ClickAsync();
        await Expect(view.Locator(".cancels")).ToHaveTextAsync("Cancelled 1");
        await Expect(view.Locator(".fruit")).ToHaveTextAsync("Fruit: Durian");

        await view.Locator("#fruit").ClickAsync();
        await Wheel(view, 0).HoverAsync();
        await page.Mouse.WheelAsync(0, -120);
        await Expect(Wheel(view, 0).Locator("[aria-selected=true]")).Not.ToHaveTextAsync("Durian");
        var resting = await Wheel(view, 0).Locator("[aria-selected=true]").TextContentAsync();
        await ConfirmAsync(view);
        await Expect(view.Locator(".fruit")).ToHaveTextAsync($"Fruit: {resting}");
    });

    [Fact]
    public Task A_multi_selector_reports_each_column_so_the_program_can_relink_the_next() => WithPageAsync(async page =>
    {
        var view = await OpenAsync(page, "/pages/sheet/sheet");
        await view.Locator("#place").ClickAsync();
        await Expect(Wheel(view, 1).GetByRole(AriaRole.Option)).ToHaveTextAsync(["Apple", "Banana"]);
        await Option(view, 0, "Vegetable").ClickAsync();
        await Expect(view.Locator(".columns")).ToHaveTextAsync("Columns: 0:1");
        await Expect(Wheel(view, 1).GetByRole(AriaRole.Option)).ToHaveTextAsync(["Carrot", "Leek", "Pea"]);
        await Option(view, 1, "Leek").ClickAsync();
        await Expect(view.Locator(".columns")).ToHaveTextAsync("Columns: 0:1,1:1");
        await ConfirmAsync(view);
        await Expect(view.Locator(".place")).ToHaveTextAsync("Place: Vegetable / Leek");
    });

    [Fact]
    public Task Time_and_date_wheels_stay_within_start_and_end_and_follow_the_calendar() => WithPageAsync(async page =>
    {
        var view = await OpenAsync(page, "/pages/sheet/sheet");
        await view.Locator("#time").ClickAsync();
        await Expect(Wheel(view, 0).GetByRole(AriaRole.Option).First).ToHaveTextAsync("09");
        await Expect(Wheel(view, 0).GetByRole(AriaRole.Option).Last).ToHaveTextAsync("18");
        await Expect(Wheel(view, 1).GetByRole(AriaRole.Option).First).ToHaveTextAsync("30");
        await Option(view, 0, "10").ClickAsync();
        await Expect(Wheel(view, 1).GetByRole(AriaRole.Option).First).ToHaveTextAsync("00");
        await Option(view, 1, "45").ClickAsync();
        await ConfirmAsync(view);
        await Expect(view.Locator(".time")).ToHaveTextAsync("Time: 10:45");

        await view.Locator("#month").ClickAsync();
        await Expect(Wheel(view, 0).GetByRole(AriaRole.Option)).ToHaveTextAsync(["2024", "2025"]);
        await Expect(view.Locator(".capsule-picker").GetByRole(AriaRole.Listbox)).ToHaveCountAsync(2);
        await Expect(Wheel(view, 1).GetByRole(AriaRole.Option)).ToHaveCountAsync(10);
        await Option(view, 0, "2025").ClickAsync();
        await Expect(Wheel(view, 1).GetByRole(AriaRole.Option)).ToHaveCountAsync(6);
        await ConfirmAsync(view);
        await Expect(view.Locator(".month")).ToHaveTextAsync("Month: 2025-03");

        await view.Locator("#day").ClickAsync();
        await Expect(Wheel(view, 2).GetByRole(AriaRole.Option)).ToHaveCountAsync(20);
        await Expect(Wheel(view, 2).Locator("[aria-selected=true]")).ToHaveTextAsync("29");
        await Option(view, 1, "04").ClickAsync();
        await Expect(Wheel(view, 2).GetByRole(AriaRole.Option)).ToHaveCountAsync(30);
        await ConfirmAsync(view);
        await Expect(view.Locator(".day")).ToHaveTextAsync("Day: 2024-04-29");
    });

    [Fact]
    public Task A_region_picker_cascades_province_city_district_with_codes_and_a_custom_item() => WithPageAsync(async page =>
    {
        var view = await OpenAsync(page, "/pages/sheet/sheet");
        await view.Locator("#region").ClickAsync();
        await Expect(Wheel(view, 0).GetByRole(AriaRole.Option).First).ToHaveTextAsync("All");
        await Expect(Wheel(view, 1).GetByRole(AriaRole.Option)).ToHaveTextAsync(["All"]);
        await Option(view, 0, "广东省").ClickAsync();
        await Option(view, 1, "深圳市").ClickAsync();
        await Option(view, 2, "南山区").ClickAsync();
        await ConfirmAsync(view);
        await Expect(view.Locator(".region")).ToHaveTextAsync("Region: 广东省,深圳市,南山区");
        await Expect(view.Locator(".codes")).ToHaveTextAsync("Codes: 440000,440300,440305");

        await view.Locator("#region").ClickAsync();
        await Expect(Wheel(view, 2).Locator("[aria-selected=true]")).ToHaveTextAsync("南山区");
        await Option(view, 1, "All").ClickAsync();
        await Expect(Wheel(view, 2).GetByRole(AriaRole.Option)).ToHaveTextAsync(["All"]);
        await ConfirmAsync(view);
        await Expect(view.Locator(".region")).ToHaveTextAsync("Region: 广东省,All,All");
    });

    [Fact]
    public Task A_disabled_picker_does_not_open_and_a_form_submits_the_picked_index() => WithPageAsync(async page =>
    {
        var view = await OpenAsync(page, "/pages/sheet/sheet");
        await view.Locator("#off").ClickAsync();
        await view.Locator(".submit").ClickAsync();
        await Expect(view.Locator(".submitted")).ToHaveTextAsync("Submitted: size=0");
        await Expect(view.GetByRole(AriaRole.Dialog)).ToHaveCountAsync(0);

        await view.Locator("wx-picker[name=size]").ClickAsync();
        await Option(view, 0, "L").ClickAsync();
        await ConfirmAsync(view);
        await view.Locator(".submit").ClickAsync();
        await Expect(view.Locator(".submitted")).ToHaveTextAsync("Submitted: size=2");
    });

    private static Task<double> ScrollTopAsync(IFrameLocator view, int column) => ColumnWheel(view, column).EvaluateAsync<double>("w => w.scrollTop");

    /// <summary>The scrolling part of a picker-view column, inside its shadow root (Playwright's CSS pierces it).</summary>
    private static ILocator ColumnWheel(IFrameLocator view, int column) => view.Locator("wx-picker-view-column").Nth(column).Locator(".wheel");

    [Fact]
    public Task A_picker_view_shows_its_value_under_the_indicator_and_reports_picks() => WithPageAsync(async page =>
    {
        var view = await OpenAsync(page, "/pages/wheels/wheels");
        var year = view.Locator("wx-view.year").First;
        Assert.Equal(50, (await year.BoundingBoxAsync())?.Height);
        await Expect(ColumnWheel(view, 0)).ToHaveJSPropertyAsync("scrollTop", 100);
        Assert.Equal(150, await ScrollTopAsync(view, 1));
        var band = view.Locator("wx-picker-view").Locator(".indicator");
        Assert.Equal("rgba(7, 193, 96, 0.1)", await band.EvaluateAsync<string>("b => getComputedStyle(b).backgroundColor"));

        await view.Locator("wx-view.year", new() { HasText = "2022" }).ClickAsync();
        await Expect(view.Locator(".shown")).ToHaveTextAsync("Shown: 2022-4");
        await Expect(view.Locator(".events")).ToHaveTextAsync("starts 1 ends 1 changes 1");
        Assert.Equal(200, await ScrollTopAsync(view, 0));

        await view.Locator(".set").ClickAsync();
        await Expect(ColumnWheel(view, 1)).ToHaveJSPropertyAsync("scrollTop", 550);
        Assert.Equal(250, await ScrollTopAsync(view, 0));
        await view.Locator(".past-end").ClickAsync();
        await Expect(ColumnWheel(view, 0)).ToHaveJSPropertyAsync("scrollTop", 600);
        await Expect(view.Locator(".events")).ToHaveTextAsync("starts 1 ends 1 changes 1");
    });
}
