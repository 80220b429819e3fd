using System.Text.Json;
using Capsule.Bench;
using Capsule.Bench.Runtime;
using Capsule.Testing;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Playwright;

// The runtime benchmark (docs/performance.md, "Runtime"): in Debian's Chromium, the same 1,000-row page
// as a mini program in `capsule dev` and as a static page served from the same machine, each loaded cold
// (no HTTP cache), warm (kept alive in the background, brought back) and started again, then setData updating one row and replacing all rows, and a real tap on a
// button until the changed row is painted, against the static page doing the same in a click handler.
// Last, in the shell: a program left for Chats (kept alive) and opened again, and one started again (Re-enter).
// Capsule.Bench.Runtime [--write-docs]
const int Launches = 10;
const int Updates = 40;
var writeDocs = args is ["--write-docs"];
if (args.Length > 0 && !writeDocs)
{
    Console.Error.WriteLine("usage: Capsule.Bench.Runtime [--write-docs]");
    return 2;
}

var work = Directory.CreateTempSubdirectory("capsule-bench-runtime").FullName;
ListProgram.Write(work);

var builder = WebApplication.CreateSlimBuilder();
builder.Logging.ClearProviders();
builder.WebHost.UseUrls("http://127.0.0.1:0");
await using var staticSite = builder.Build();
var staticHtml = ListProgram.StaticPage();
staticSite.MapGet("/", () => Results.Content(staticHtml, "text/html"));
await staticSite.StartAsync();
var staticUrl = staticSite.Urls.First();

await using var simulator = await SimulatorProcess.StartAsync(work);
using var playwright = await Playwright.CreateAsync();
await using var browser = await playwright.Chromium.LaunchAsync(new() { ExecutablePath = "/usr/bin/chromium", Headless = true, Args = ["--no-sandbox", "--disable-gpu"] });

// Launches are timed on the page's own clock, from its navigation's start, so Playwright's round trips stay out.
async Task<double> LoadAsync(IBrowserContext context, string url, string readyScript)
{
    var page = await context.NewPageAsync();
    await page.GotoAsync(url, new() { WaitUntil = WaitUntilState.Commit });
    var ms = await page.EvaluateAsync<double>(readyScript);
    await page.CloseAsync();
    return ms;
}

// Ready, then painted: the task after the next animation frame (the frame's paint has run by then). For the program,
// also the container's own first paint (LaunchProfile.PaintedAsync), which the simulator page's frame may precede.
const string ProgramReady = "() => new Promise(r => { const wait = () => (window.capsule && capsule.ready ? capsule.ready.then(() => requestAnimationFrame(() => setTimeout(() => r(performance.now())))) : setTimeout(wait, 1)); wait(); })";
const string StaticReady = "() => new Promise(r => (document.readyState === 'complete' ? r() : addEventListener('load', () => r()))).then(() => new Promise(r => requestAnimationFrame(() => setTimeout(() => r(performance.now())))))";
// The start with the bundle cached: the program started again in the loaded simulator page (capsule.restart(), as hot reload does),
// once the container the simulator loads ahead is up: its manifest fetched, its bundle from memory, until the frame
// after its first page.
const string Restart = "async () => { const start = performance.now(); await capsule.restart(); await new Promise(r => requestAnimationFrame(() => setTimeout(r))); return [start, performance.now() - start]; }";

var results = new Dictionary<string, List<double>>();
void Add(string key, double value) => (results.TryGetValue(key, out var list) ? list : results[key] = []).Add(value);
var coldProfile = new Dictionary<string, List<double>>();
var restartProfile = new Dictionary<string, List<double>>();
void AddProfile(Dictionary<string, List<double>> profile, Dictionary<string, double> steps)
{
    foreach (var (step, ms) in steps)
    {
        (profile.TryGetValue(step, out var list) ? list : profile[step] = []).Add(ms);
    }
}

for (var i = 0; i < Launches; i++)
{
    await using (var cold = await browser.NewContextAsync())
    {
        Add(Measures.StaticCold, await LoadAsync(cold, staticUrl, StaticReady));
        Add(Measures.StaticWarm, await LoadAsync(cold, staticUrl, StaticReady));
    }
    await using var context = await browser.NewContextAsync();
    var page = await context.NewPageAsync();
    await page.GotoAsync(simulator.Url + "/", new() { WaitUntil = WaitUntilState.Commit });
    var ready = await page.EvaluateAsync<double>(ProgramReady);
    await LaunchProfile.PaintedAsync(page);
    var coldSteps = await LaunchProfile.ReadAsync(page, 0);
    Add(Measures.SimulatorCold, Math.Max(ready, coldSteps[LaunchProfile.Painted]));
    AddProfile(coldProfile, coldSteps);
    for (var again = 0; again < 2; again++)
    {
        await LaunchProfile.SpareReadyAsync(page, ".sim-slot iframe");
        var restart = await page.EvaluateAsync<double[]>(Restart);
        await LaunchProfile.PaintedAsync(page);
        var steps = await LaunchProfile.ReadAsync(page, restart[0]);
        Add(Measures.ProgramRestart, Math.Max(restart[1], steps[LaunchProfile.Painted]));
        AddProfile(restartProfile, steps);
        await page.EvaluateAsync("() => capsule.background()");
        await page.WaitForTimeoutAsync(200);
        Add(Measures.ProgramWarm, await LaunchProfile.ForegroundAsync(page));
    }
}

await using (var context = await browser.NewContextAsync())
{
    var page = await context.NewPageAsync();
    await page.GotoAsync(simulator.Url + "/");
    await page.EvaluateAsync(ProgramReady);
    for (var i = 0; i < Updates; i++)
    {
        await page.EvaluateAsync("() => capsule.tap('#one')");
        await page.EvaluateAsync("() => capsule.tap('#all')");
    }
    var timings = await page.EvaluateAsync<JsonElement>("() => capsule.data().timings");
    foreach (var timing in timings.EnumerateArray())
    {
        Add(timing.GetProperty("kind").GetString() == "one" ? Measures.OneRow : Measures.AllRows, timing.GetProperty("ms").GetDouble());
    }
}

// From the pointerdown of a real click until the frame after the row's text changed: every tree the
// document has (shadow roots included) is watched for the change.
const string TapProbe = """
    () => {
      window.__taps = [];
      let start = 0;
      document.addEventListener('pointerdown', (event) => (start = event.timeStamp), true);
      const observer = new MutationObserver(() => {
        if (!start) return;
        const from = start;
        start = 0;
        requestAnimationFrame(() => setTimeout(() => window.__taps.push(performance.now() - from)));
      });
      const watch = (root) => {
        observer.observe(root, { subtree: true, childList: true, characterData: true });
        root.querySelectorAll('*').forEach((element) => element.shadowRoot && watch(element.shadowRoot));
      };
      watch(document);
    }
    """;

async Task TapsAsync(IFrame frame, string key)
{
    await frame.EvaluateAsync(TapProbe);
    for (var i = 1; i <= Updates; i++)
    {
        await frame.Locator("#one").ClickAsync();
        await frame.WaitForFunctionAsync("n => window.__taps.length >= n", i);
    }
    foreach (var ms in await frame.EvaluateAsync<double[]>("() => window.__taps"))
    {
        Add(key, ms);
    }
}

await using (var context = await browser.NewContextAsync())
{
    var page = await context.NewPageAsync();
    await page.GotoAsync(staticUrl);
    await TapsAsync(page.MainFrame, Measures.StaticTap);
    await page.GotoAsync(simulator.Url + "/");
    await page.EvaluateAsync(ProgramReady);
    var view = await (await page.Locator(".sim-screen iframe").ElementHandleAsync()).ContentFrameAsync();
    await TapsAsync(view!, Measures.ProgramTap);
}

// The shell, with the same page of 1,000 rows published as a demo program ("Rows"). Cold launch as WeChat counts it:
// the app already running (here the signed-in shell, started and idle, its runtime loaded ahead as it does on start)
// and the program never opened, so its bundle is not cached; from the hash change a tap on it makes until its first page
// is painted. Then reopened from the background where it was kept alive (Chats, then back: the hash change until the
// frame after the program is shown), and started again from its ··· menu's Re-enter (the click until the frame after
// the new first page is ready: the launch request, the container loaded ahead, the bundle from memory).
const string ReopenScript = """
    async (hash) => {
      const start = performance.now();
      location.hash = hash;
      await new Promise((resolve) => {
        const check = () => ([...document.querySelectorAll('section.program')].some((s) => !s.hidden && s.dataset.route) ? requestAnimationFrame(() => setTimeout(resolve)) : requestAnimationFrame(check));
        check();
      });
      return performance.now() - start;
    }
    """;
const string ReenterScript = """
    async () => {
      const start = performance.now();
      document.querySelector('[data-action=re-enter]').click();
      await new Promise((resolve) => {
        const check = () => ([...document.querySelectorAll('section.program')].some((s) => !s.hidden && s.dataset.route) ? requestAnimationFrame(() => setTimeout(resolve)) : requestAnimationFrame(check));
        check();
      });
      return performance.now() - start;
    }
    """;
using (var data = new TempDirectory())
{
    var samples = Path.Combine(data.Path, "samples");
    ListProgram.Write(Path.Combine(samples, "rows"));
    var dataDir = Directory.CreateDirectory(Path.Combine(data.Path, "data")).FullName;
    await using var server = await ServerProcess.StartAsync(dataDir, "http://127.0.0.1:0", $"--Capsule:DemoSamples={samples}", "--Capsule:SignInPerMinute=10000");
    async Task<IBrowserContext> SignedInAsync(string email)
    {
        var context = await browser.NewContextAsync(new() { BaseURL = server.Url });
        var signUp = await context.APIRequest.PostAsync("/api/account/sign-up", new() { DataObject = new { email, password = "Bench-password-1", nickname = "Bench" } });
        return signUp.Ok ? context : throw new InvalidOperationException($"sign-up failed: {signUp.Status}");
    }
    var demos = await (await (await SignedInAsync("bench@bench.capsule")).APIRequest.GetAsync("/api/programs/demo")).JsonAsync();
    var rows = demos!.Value.EnumerateArray().First(p => p.GetProperty("name").GetString() == "Rows").GetProperty("appId").GetString();
    for (var i = 0; i < Launches; i++)
    {
        await using var cold = await SignedInAsync($"cold{i}@bench.capsule");
        var shell = await cold.NewPageAsync();
        await shell.GotoAsync("/#/chats");
        await LaunchProfile.SpareReadyAsync(shell, "section.program-spare iframe");
        // A person looks at Chats a moment before tapping: the shell is idle when the program is opened.
        await shell.WaitForTimeoutAsync(1000);
        Add(Measures.ShellCold, await LaunchProfile.ShellLaunchAsync(shell, $"#/mp/{rows}"));
    }
    await using var context = await SignedInAsync("again@bench.capsule");
    var page = await context.NewPageAsync();
    await page.GotoAsync($"/#/mp/{rows}");
    await page.Locator("section.program[data-route]").WaitForAsync();
    for (var i = 0; i < Launches * 2; i++)
    {
        await page.EvaluateAsync("() => (location.hash = '#/chats')");
        await page.Locator(".tab-page[data-tab=chats]").WaitForAsync();
        Add(Measures.ShellKeptAlive, await page.EvaluateAsync<double>(ReopenScript, $"#/mp/{rows}"));
    }
    for (var i = 0; i < Launches * 2; i++)
    {
        await LaunchProfile.SpareReadyAsync(page, "section.program-spare iframe");
        await page.Locator("section.program:not([hidden]) .capsule-more").ClickAsync();
        await page.Locator("[data-action=re-enter]").WaitForAsync();
        Add(Measures.ShellReenter, await page.EvaluateAsync<double>(ReenterScript));
        await page.Locator("section.program[data-route]:not([hidden])").WaitForAsync();
    }
}

var run = new RuntimeRun(Machine.Describe(RepoPaths.Root), browser.Version, results, coldProfile, restartProfile);
Console.Write(RuntimeReport.Section(run));
if (writeDocs)
{
    PerformanceDoc.WriteSection(Path.Combine(RepoPaths.Root, "docs", "performance.md"), RuntimeReport.Heading, RuntimeReport.Section(run), "# Performance\n");
}
Directory.Delete(work, recursive: true);
return 0;
