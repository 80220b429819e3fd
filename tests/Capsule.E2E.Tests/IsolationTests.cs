using Capsule.E2E.Tests.Pages;

namespace Capsule.E2E.Tests;

/// <summary>A running program, inside the shell, reaches nothing of the shell's: not its DOM, cookies, storage, or network.</summary>
public sealed class IsolationTests(CapsuleFixture fixture) : BrowserTest(fixture)
{
    [Fact]
    public Task Program_code_cannot_read_the_shells_cookies_storage_databases_or_DOM() => WithUserAsync(async (page, _) =>
    {
        await page.GotoAsync("/#/discover");
        await page.EvaluateAsync("() => { localStorage.setItem('shell-secret', 's3cret'); sessionStorage.setItem('shell-secret', 's3cret'); }");
        await new HomePage(page).Card("Hello Capsule").ClickAsync();
        var program = new MiniProgramPage(page);
        await program.WaitForFirstPageAsync();
        var frame = await program.ContainerFrameAsync();

        Assert.Equal("null", await frame.EvaluateAsync<string>("() => self.origin"));
        var probes = await frame.EvaluateAsync<string[]>("""
            async () => {
              const attempt = async (read) => { try { const value = await read(); return value ? 'read: ' + value : 'empty'; } catch { return 'blocked'; } };
              return [
                await attempt(() => document.cookie),
                await attempt(() => localStorage.getItem('shell-secret')),
                await attempt(() => sessionStorage.getItem('shell-secret')),
                await attempt(() => new Promise((resolve, reject) => { const open = indexedDB.open('capsule'); open.onsuccess = () => resolve('opened'); open.onerror = () => reject(open.error); })),
                await attempt(() => caches.keys().then((keys) => keys.join())),
                await attempt(() => parent.document.body.innerHTML),
                await attempt(() => parent.localStorage.getItem('shell-secret')),
                await attempt(() => fetch('/api/account/me').then((r) => r.text())),
              ];
            }
            """);
        Assert.All(probes, probe => Assert.True(probe is "blocked" or "empty", $"a program read the shell: {string.Join(", ", probes)}"));
    });
}
