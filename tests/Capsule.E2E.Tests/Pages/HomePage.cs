using Microsoft.Playwright;

namespace Capsule.E2E.Tests.Pages;

/// <summary>The shell's Discover tab, which lists the server's demo mini programs.</summary>
public sealed class HomePage(IPage page)
{
    public ILocator ProgramCards => page.Locator(".program-card");

    public ILocator Card(string name) => ProgramCards.Filter(new LocatorFilterOptions { HasText = name });

    public async Task<HomePage> OpenAsync()
    {
        await page.GotoAsync("/#/discover");
        return this;
    }
}
