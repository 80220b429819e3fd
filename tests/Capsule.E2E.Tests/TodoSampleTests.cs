using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Capsule.E2E.Tests;

/// <summary>A user's journey through samples/todo in the simulator: add, complete, count, open, delete, come back.</summary>
public sealed class TodoSampleTests(CapsuleFixture fixture, TodoSimulator simulator) : BrowserTest(fixture), IClassFixture<TodoSimulator>
{
    [Fact]
    public Task Tasks_are_added_completed_counted_deleted_and_kept_across_a_reload() => WithPageAsync(async page =>
    {
        await page.GotoAsync(simulator.Url + "/");
        await page.EvaluateAsync("() => capsule.ready");
        var view = page.FrameLocator(".sim-screen iframe");
        await Expect(view.Locator(".empty")).ToHaveTextAsync("Nothing to do yet.");

        foreach (var title in new[] { "Buy milk", "Walk dog" })
        {
            await view.Locator(".new-title input").FillAsync(title);
            await view.Locator(".add-button").ClickAsync();
        }
        await Expect(view.Locator("wx-task-item")).ToHaveCountAsync(2);
        await view.Locator("wx-checkbox").First.ClickAsync();
        await Expect(view.Locator("wx-task-item").First.Locator("[class*='--done']")).ToHaveCountAsync(1);

        await view.GetByRole(AriaRole.Tab, new() { Name = "Stats" }).ClickAsync();
        await Expect(view.Locator(".summary")).ToHaveTextAsync("1 of 2 tasks done");
        await Expect(view.Locator(".percent")).ToHaveTextAsync("50%");
        await Expect(page.Locator(".sim-title")).ToHaveTextAsync("Stats");

        await view.GetByRole(AriaRole.Tab, new() { Name = "Tasks" }).ClickAsync();
        await view.Locator("wx-task-item").Nth(1).Locator("[class$='--title']").ClickAsync();
        await Expect(view.Locator(".detail-title")).ToHaveTextAsync("Walk dog");
        Assert.Equal("pages/detail/detail", await page.EvaluateAsync<string>("() => capsule.route()"));
        await view.Locator(".remove").ClickAsync();
        await view.Locator(".capsule-modal-confirm").ClickAsync();
        await Expect(view.Locator("wx-task-item")).ToHaveCountAsync(1);
        Assert.Equal("pages/tasks/tasks", await page.EvaluateAsync<string>("() => capsule.route()"));

        await page.ReloadAsync();
        await page.EvaluateAsync("() => capsule.ready");
        await Expect(view.Locator("wx-task-item")).ToHaveCountAsync(1);
        await Expect(view.Locator("wx-task-item [class$='--title']")).ToHaveTextAsync("Buy milk");
        Assert.Empty(await page.EvaluateAsync<string[]>("() => capsule.errors"));
    });
}
