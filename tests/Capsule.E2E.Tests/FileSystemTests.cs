using static Microsoft.Playwright.Assertions;

namespace Capsule.E2E.Tests;

/// <summary>
/// The file system manager over the program's own files (wx.env.USER_DATA_PATH) and saved files: Sync and asynchronous
/// forms with WeChat's errors, a temporary file saved with wx.saveFile, and the files still there when the program is
/// started again. On the runtime-ui fixture's files page.
/// </summary>
public sealed class FileSystemTests(CapsuleFixture fixture, RuntimeUiSimulator simulator) : BrowserTest(fixture), IClassFixture<RuntimeUiSimulator>
{
    [Fact]
    public Task Files_are_written_read_listed_renamed_and_kept_across_a_restart() => WithPageAsync(async page =>
    {
        var view = await simulator.OpenAsync(page, "/pages/files/files");

        await page.EvaluateAsync("() => capsule.tap('#run')");
        await Expect(view.Locator(".log")).ToHaveCountAsync(9);
        Assert.Equal(
            [
                "hello world",
                "a.txt,deep",
                "true 11",
                "readFileSync:fail no such file or directory, open wxfile://usr/notes/missing.txt",
                "writeFileSync:fail permission denied, open wxfile://elsewhere/x.txt",
                "mkdirSync:fail file already exists wxfile://usr/notes",
                "rmdirSync:fail directory not empty wxfile://usr/notes/deep",
                "aGVsbG8gd29ybGQ=",
                "renamed b.txt,deep",
            ],
            await view.Locator(".log").AllTextContentsAsync());

        await page.EvaluateAsync("() => capsule.tap('#keep')");
        await Expect(view.Locator(".log").Nth(9)).ToHaveTextAsync("saved 1 true true");

        await page.WaitForTimeoutAsync(300);
        await page.EvaluateAsync("() => capsule.restart()");
        await page.EvaluateAsync("() => capsule.reLaunch('/pages/files/files')");
        await page.EvaluateAsync("() => capsule.tap('#check')");
        await Expect(view.Locator(".log")).ToHaveTextAsync(["hello world", "after restart 1"]);
        Assert.Empty(await page.EvaluateAsync<string[]>("() => capsule.errors"));
    });
}
