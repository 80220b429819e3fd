using System.Text.Json;
using Microsoft.Playwright;

namespace Capsule.Bench.Runtime;

/// <summary>
/// Where a launch's time goes: the runtime's <c>capsule:*</c> performance marks (client/src/runtime/bridge/launch-marks.ts)
/// and the navigation timings of the simulator page and of the container document, each as milliseconds since
/// a start (the page's navigation, or a restart), on one clock (every document's timeOrigin is absolute).
/// </summary>
internal static class LaunchProfile
{
    public const string Painted = "first page painted (the task after its frame)";

    /// <summary>The steps in launch order: what is reported, in which document, under which name.</summary>
    public static readonly (string Label, bool InContainer, string Name)[] Steps =
    [
        ("simulator document received", false, "document"),
        ("simulator document parsed (DOMContentLoaded; its script is async)", false, "script"),
        ("manifest fetched, host started", false, "manifest"),
        ("container document received", true, "document"),
        ("container runtime and logic Worker started", true, "container-start"),
        ("container ready, seen by the host", false, "container-ready"),
        ("main package fetched (view, logic, styles)", false, "code-fetched"),
        ("launch message sent", false, "launch-sent"),
        ("launch message received", true, "launch-received"),
        ("first page opened by the logic layer", true, "first-page"),
        ("view code loaded", true, "view-code-loaded"),
        ("first page rendered (DOM built)", true, "first-render"),
        (Painted, true, "first-paint"),
        ("page ready, seen by the host", false, "page-ready"),
    ];

    private const string Collect = """
        () => {
          const navigation = performance.getEntriesByType('navigation')[0];
          const times = { document: navigation ? [navigation.responseEnd] : [], script: navigation ? [navigation.domContentLoadedEventStart] : [] };
          for (const mark of performance.getEntriesByType('mark')) {
            if (mark.name.startsWith('capsule:')) (times[mark.name.slice(8)] ??= []).push(mark.startTime);
          }
          return { origin: performance.timeOrigin, times };
        }
        """;

    /// <summary>Waits until the container on the simulator's screen has painted its first page.</summary>
    public static async Task PaintedAsync(IPage page)
    {
        var container = await (await page.Locator(".sim-screen iframe").ElementHandleAsync()).ContentFrameAsync()
            ?? throw new InvalidOperationException("the simulator shows no container");
        await container.WaitForFunctionAsync("() => performance.getEntriesByName('capsule:first-paint').length > 0");
    }

    /// <summary>
    /// Brings the program back from the background (<c>capsule.foreground()</c>) and returns the milliseconds until both
    /// the simulator page and the container have painted: the task after each one's next frame (the container's
    /// <c>capsule:foreground-paint</c> mark), on one clock (every document's timeOrigin is absolute).
    /// </summary>
    public static async Task<double> ForegroundAsync(IPage page)
    {
        var container = await (await page.Locator(".sim-screen iframe").ElementHandleAsync()).ContentFrameAsync()
            ?? throw new InvalidOperationException("the simulator shows no container");
        var host = await page.EvaluateAsync<double[]>("""
            async () => {
              const start = performance.timeOrigin + performance.now();
              capsule.foreground();
              await new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve)));
              return [start, performance.timeOrigin + performance.now() - start];
            }
            """);
        return Math.Max(host[1], await MarkSinceAsync(container, "capsule:foreground-paint", host[0]));
    }

    /// <summary>
    /// Opens a program in the shell (the hash change a tap on it makes) and returns the milliseconds until its first page
    /// is shown and painted: the shell's task after its next frame once the program's section shows a route, and the
    /// container's mark of the task after its first page's frame (`capsule:first-paint`), on one clock. The program runs
    /// in the container the shell loaded ahead (section.program-spare), which it waits for beforehand.
    /// </summary>
    public static async Task<double> ShellLaunchAsync(IPage shell, string hash)
    {
        var container = await (await shell.Locator("section.program-spare iframe").ElementHandleAsync()).ContentFrameAsync()
            ?? throw new InvalidOperationException("the shell has no container loaded ahead");
        var host = await shell.EvaluateAsync<double[]>("""
            async (hash) => {
              const start = performance.timeOrigin + performance.now();
              location.hash = hash;
              await new Promise((resolve) => {
                const check = () => ([...document.querySelectorAll('section.program')].some((s) => !s.hidden && s.dataset.route) ? requestAnimationFrame(() => setTimeout(resolve)) : requestAnimationFrame(check));
                check();
              });
              return [start, performance.timeOrigin + performance.now() - start];
            }
            """, hash);
        return Math.Max(host[1], await MarkSinceAsync(container, "capsule:first-paint", host[0]));
    }

    /// <summary>
    /// Waits for the first <paramref name="mark"/> in <paramref name="frame"/> at or after <paramref name="start"/> (an
    /// absolute time: timeOrigin + now) and returns the milliseconds from the start to it.
    /// </summary>
    private static Task<double> MarkSinceAsync(IFrame frame, string mark, double start) =>
        frame.EvaluateAsync<double>("""
            ([mark, start]) => new Promise((resolve) => {
              const check = () => {
                const times = performance.getEntriesByName(mark).map((entry) => performance.timeOrigin + entry.startTime).filter((t) => t >= start);
                if (times.length > 0) resolve(times[0] - start); else setTimeout(check, 2);
              };
              check();
            })
            """, new object[] { mark, start });

    /// <summary>Waits until the next container (loaded ahead: the simulator's beside its screen, the shell's in a hidden section) has started its runtime.</summary>
    public static async Task SpareReadyAsync(IPage page, string selector)
    {
        var spare = await (await page.Locator(selector).ElementHandleAsync()).ContentFrameAsync()
            ?? throw new InvalidOperationException($"no container ahead ({selector})");
        await spare.WaitForFunctionAsync("() => performance.getEntriesByName('capsule:container-start').length > 0");
    }

    /// <summary>
    /// Each step's time since <paramref name="since"/> (a performance.now() of the main frame; 0: its navigation): its
    /// first time after it. Steps that happened before (the main document's, for a restart) are left out.
    /// </summary>
    public static async Task<Dictionary<string, double>> ReadAsync(IPage page, double since)
    {
        var container = await (await page.Locator(".sim-screen iframe").ElementHandleAsync()).ContentFrameAsync()
            ?? throw new InvalidOperationException("the simulator shows no container");
        var main = await page.MainFrame.EvaluateAsync<JsonElement>(Collect);
        var inner = await container.EvaluateAsync<JsonElement>(Collect);
        var mainOrigin = main.GetProperty("origin").GetDouble();
        var innerOrigin = inner.GetProperty("origin").GetDouble();
        var result = new Dictionary<string, double>();
        foreach (var (label, inContainer, name) in Steps)
        {
            var source = inContainer ? inner : main;
            if (!source.GetProperty("times").TryGetProperty(name, out var times))
            {
                continue;
            }
            var offset = (inContainer ? innerOrigin - mainOrigin : 0) - since;
            var after = times.EnumerateArray().Select(t => t.GetDouble() + offset).Where(t => t >= 0).ToList();
            if (after.Count > 0)
            {
                result[label] = after.Min();
            }
        }
        return result;
    }
}
