using Microsoft.Playwright;

namespace Capsule.E2E.Tests.Pages;

/// <summary>The shell's start page.</summary>
public sealed class HomePage(IPage page)
{
    public ILocator ProgramCards => page.Locator(".program-card");

    public ILocator Card(string name) => ProgramCards.Filter(new LocatorFilterOptions { HasText = name });

    public async Task<HomePage> OpenAsync()
    {
        await page.GotoAsync("/");
        return this;
    }
}
