using Microsoft.Playwright;

namespace Capsule.E2E.Tests.Pages;

/// <summary>A running mini program: the shell's navigation bar and the program's sandboxed container.</summary>
public sealed class MiniProgramPage(IPage page)
{
    public ILocator Title => page.Locator(".nav-bar .nav-title");

    public ILocator Status => page.Locator(".program-status");

    public ILocator ContainerFrameElement => page.Locator("iframe.mp-container");

    /// <summary>The program's page, inside the container iframe.</summary>
    public IFrameLocator View => page.FrameLocator("iframe.mp-container");

    public async Task<MiniProgramPage> OpenAsync(string appId)
    {
        await page.GotoAsync($"/#/mp/{appId}");
        return this;
    }

    /// <summary>Waits until the program's first page has been rendered.</summary>
    public Task WaitForFirstPageAsync() =>
        page.Locator(".program[data-route]").WaitForAsync();

    public async Task<IFrame> ContainerFrameAsync()
    {
        var handle = await ContainerFrameElement.ElementHandleAsync();
        return (await handle.ContentFrameAsync())!;
    }
}
