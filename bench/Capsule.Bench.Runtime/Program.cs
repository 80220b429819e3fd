using System.Diagnostics;
using System.Globalization;
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
// (no HTTP cache) and warm, then setData updating one row and replacing all rows, and a real tap on a
// button until the changed row is painted, against the static page doing the same in a click handler.
// Last, WeChat's warm start in the shell: a program left for Chats (kept alive) and opened again.
const int Launches = 10;
const int Updates = 40;

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

async Task<double> LoadAsync(IBrowserContext context, string url, string readyScript)
{
    var page = await context.NewPageAsync();
    var clock = Stopwatch.StartNew();
    await page.GotoAsync(url, new() { WaitUntil = WaitUntilState.Commit });
    await page.EvaluateAsync(readyScript);
    var ms = clock.Elapsed.TotalMilliseconds;
    await page.CloseAsync();
    return ms;
}

const string ProgramReady = "() => new Promise(r => { const wait = () => (window.capsule ? capsule.ready.then(() => requestAnimationFrame(() => r())) : setTimeout(wait, 1)); wait(); })";
const string StaticReady = "() => new Promise(r => (document.readyState === 'complete' ? r() : addEventListener('load', () => r()))).then(() => new Promise(r => requestAnimationFrame(() => r())))";

var results = new Dictionary<string, List<double>>();
void Add(string key, double value) => (results.TryGetValue(key, out var list) ? list : results[key] = []).Add(value);

for (var i = 0; i < Launches; i++)
{
    await using (var cold = await browser.NewContextAsync())
    {
        Add("static cold", await LoadAsync(cold, staticUrl, StaticReady));
        Add("static warm", await LoadAsync(cold, staticUrl, StaticReady));
    }
    await using var context = await browser.NewContextAsync();
    Add("program cold", await LoadAsync(context, simulator.Url + "/", ProgramReady));
    Add("program warm", await LoadAsync(context, simulator.Url + "/", ProgramReady));
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
        Add(timing.GetProperty("kind").GetString() == "one" ? "one row" : "all rows", timing.GetProperty("ms").GetDouble());
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
    await TapsAsync(page.MainFrame, "static tap to paint");
    await page.GotoAsync(simulator.Url + "/");
    await page.EvaluateAsync(ProgramReady);
    await TapsAsync(page.Frames.Single(f => f.Url.Contains("container", StringComparison.Ordinal)), "program tap to paint");
}

// The shell's warm start: the demo "Hello Capsule" opened once, then Chats and back, timed in the page from the
// hash change to the frame after the program is shown again.
const string ReopenScript = """
    async (hash) => {
      const start = performance.now();
      location.hash = hash;
      await new Promise((resolve) => {
        const check = () => ([...document.querySelectorAll('section.program')].some((s) => !s.hidden && s.dataset.route) ? requestAnimationFrame(resolve) : requestAnimationFrame(check));
        check();
      });
      return performance.now() - start;
    }
    """;
using (var data = new TempDirectory())
{
    await using var server = await ServerProcess.StartAsync(data.Path);
    await using var context = await browser.NewContextAsync(new() { BaseURL = server.Url });
    var signUp = await context.APIRequest.PostAsync("/api/account/sign-up", new() { DataObject = new { email = "bench@bench.capsule", password = "Bench-password-1", nickname = "Bench" } });
    if (!signUp.Ok)
    {
        throw new InvalidOperationException($"sign-up failed: {signUp.Status}");
    }
    var demos = await (await context.APIRequest.GetAsync("/api/programs/demo")).JsonAsync();
    var hello = demos!.Value.EnumerateArray().First(p => p.GetProperty("name").GetString() == "Hello Capsule").GetProperty("appId").GetString();
    var page = await context.NewPageAsync();
    await page.GotoAsync($"/#/mp/{hello}");
    await page.Locator("section.program[data-route]").WaitForAsync();
    for (var i = 0; i < Launches * 2; i++)
    {
        await page.EvaluateAsync("() => (location.hash = '#/chats')");
        await page.Locator(".tab-page[data-tab=chats]").WaitForAsync();
        Add("shell warm start (kept alive)", await page.EvaluateAsync<double>(ReopenScript, $"#/mp/{hello}"));
    }
}

static double Median(List<double> values) => values.Order().ElementAt(values.Count / 2);
static double P90(List<double> values) => values.Order().ElementAt((int)Math.Min(values.Count - 1, Math.Ceiling(values.Count * 0.9) - 1));
string F(double ms) => ms.ToString("0.0", CultureInfo.InvariantCulture) + " ms";

var machine = Machine.Describe(RepoPaths.Root);
Console.WriteLine($"Machine: {machine.Cpu}, {machine.ProcessorCount} cores, {machine.Os}, {machine.Runtime}; load {machine.LoadAverage}; commit {machine.Commit}");
Console.WriteLine($"Chromium: {browser.Version}");
Console.WriteLine("| measure | samples | median | p90 |");
Console.WriteLine("| --- | ---: | ---: | ---: |");
foreach (var (key, values) in results)
{
    Console.WriteLine($"| {key} | {values.Count} | {F(Median(values))} | {F(P90(values))} |");
}
Console.WriteLine($"cold launch ratio (program ÷ static, medians): {Median(results["program cold"]) / Median(results["static cold"]):0.00}×");
Console.WriteLine($"warm launch ratio (program ÷ static, medians): {Median(results["program warm"]) / Median(results["static warm"]):0.00}×");
Console.WriteLine($"tap to paint ratio (program ÷ static, medians): {Median(results["program tap to paint"]) / Median(results["static tap to paint"]):0.00}×");
Directory.Delete(work, recursive: true);
