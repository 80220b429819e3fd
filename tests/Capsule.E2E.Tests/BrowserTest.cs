using System.Runtime.CompilerServices;
using Capsule.E2E.Tests.Pages;
using Microsoft.Playwright;

namespace Capsule.E2E.Tests;

/// <summary>Base of browser tests: a fresh browser context per test, and a screenshot when a test fails.</summary>
[Collection(CapsuleCollection.Name)]
public abstract class BrowserTest(CapsuleFixture fixture)
{
    protected CapsuleFixture Fixture { get; } = fixture;

    /// <summary>Runs a test body on a new page; on failure saves screenshots/&lt;test&gt;.png beside the test output.</summary>
    protected Task WithPageAsync(Func<IPage, Task> body, [CallerMemberName] string testName = "") =>
        WithContextPageAsync(_ => Task.CompletedTask, body, testName);

    /// <summary>As <see cref="WithPageAsync"/>, with a newly signed-up user signed in on the page.</summary>
    protected Task WithUserAsync(Func<IPage, TestUser, Task> body, [CallerMemberName] string testName = "")
    {
        TestUser? user = null;
        return WithContextPageAsync(async context => user = await TestUser.SignUpAsync(context, "Tester"), page => body(page, user!), testName);
    }

    /// <summary>A new browser context with the shell's usual phone-sized viewport.</summary>
    protected async Task<IBrowserContext> NewContextAsync()
    {
        var context = await Fixture.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = Fixture.BaseUrl,
            ViewportSize = new ViewportSize { Width = 400, Height = 760 },
        });
        context.SetDefaultTimeout(15_000);
        return context;
    }

    private async Task WithContextPageAsync(Func<IBrowserContext, Task> prepare, Func<IPage, Task> body, string testName)
    {
        await using var context = await NewContextAsync();
        await prepare(context);
        var page = await context.NewPageAsync();
        var problems = new List<string>();
        page.PageError += (_, error) => problems.Add(error);
        try
        {
            await body(page);
        }
        catch (Exception error)
        {
            var dir = Path.Combine(AppContext.BaseDirectory, "screenshots");
            Directory.CreateDirectory(dir);
            var file = Path.Combine(dir, testName + ".png");
            await page.ScreenshotAsync(new PageScreenshotOptions { Path = file, FullPage = true });
            throw new InvalidOperationException($"{error.Message}\nScreenshot: {file}\nPage errors: {string.Join("; ", problems)}", error);
        }
    }
}
