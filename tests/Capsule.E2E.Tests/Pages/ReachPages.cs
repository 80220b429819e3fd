using Microsoft.Playwright;

namespace Capsule.E2E.Tests.Pages;

/// <summary>The ways to reach a program: the capsule menu of a running program, the shell's lists and the scanner.</summary>
public sealed class ReachPages(IPage page)
{
    /// <summary>The running program on screen (others may be alive, hidden, in the background).</summary>
    public ILocator Shown => page.Locator(".program-layer:not([hidden]) .program:not([hidden])");

    public IFrameLocator ShownView => page.FrameLocator(".program-layer:not([hidden]) .program:not([hidden]) iframe.mp-container");

    public Task WaitForProgramAsync(string appId) =>
        page.Locator($".program-layer:not([hidden]) .program[data-appid='{appId}'][data-route]:not([hidden])").WaitForAsync();

    /// <summary>Opens the ··· menu of the program on screen and chooses an item by its data-action.</summary>
    public async Task MenuAsync(string action)
    {
        await Shown.Locator(".capsule-more").ClickAsync();
        await page.Locator($".sheet [data-action='{action}']").ClickAsync();
    }

    /// <summary>As <see cref="MenuAsync"/> for an item that changes the person's lists, waiting until the server has it.</summary>
    public Task MenuAndSaveAsync(string action) =>
        page.RunAndWaitForResponseAsync(() => MenuAsync(action), response => response.Url.Contains("/api/discover/") && response.Request.Method != "GET");

    public Task CloseProgramAsync() => Shown.Locator(".capsule-close").ClickAsync();

    /// <summary>The appid of a demo program by its name.</summary>
    public static async Task<string> DemoAppIdAsync(IPage page, string name)
    {
        var programs = await (await page.APIRequest.GetAsync("/api/programs/demo")).JsonAsync();
        foreach (var program in programs!.Value.EnumerateArray())
        {
            if (program.GetProperty("name").GetString() == name)
            {
                return program.GetProperty("appId").GetString()!;
            }
        }
        throw new InvalidOperationException($"no demo program named {name}");
    }
}
