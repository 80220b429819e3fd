using System.Globalization;
using System.Text;

namespace Capsule.Bench.Runtime;

/// <summary>The names of what the runtime benchmark measures, as they appear in its table.</summary>
internal static class Measures
{
    public const string StaticCold = "static page, cold";
    public const string StaticWarm = "static page, warm (reloaded, HTTP cache)";
    public const string ProgramCold = "mini program, cold";
    public const string ProgramWarm = "mini program, warm (restarted in the loaded simulator)";
    public const string OneRow = "setData, one row of 1,000";
    public const string AllRows = "setData, all 1,000 rows replaced";
    public const string StaticTap = "tap → paint, static page";
    public const string ProgramTap = "tap → setData → paint, mini program";
    public const string ShellKeptAlive = "shell: reopened, kept alive in the background";
    public const string ShellReenter = "shell: Re-enter (started again, bundle cached)";
}

/// <param name="Machine">Where it ran, and the load then.</param>
/// <param name="Chromium">The browser's version.</param>
/// <param name="Results">Samples in milliseconds, by measure.</param>
/// <param name="ColdProfile">Per launch step, milliseconds since the simulator page's navigation, cold.</param>
/// <param name="WarmProfile">Per launch step, milliseconds since <c>capsule.restart()</c> was called.</param>
internal sealed record RuntimeRun(Machine Machine, string Chromium, Dictionary<string, List<double>> Results, Dictionary<string, List<double>> ColdProfile, Dictionary<string, List<double>> WarmProfile);

/// <summary>The "Runtime" section of docs/performance.md.</summary>
internal static class RuntimeReport
{
    public const string Heading = "## Runtime (mini program in Chromium against a static page)";

    private static double Median(List<double> values) => values.Order().ElementAt(values.Count / 2);

    private static double P90(List<double> values) => values.Order().ElementAt((int)Math.Min(values.Count - 1, Math.Ceiling(values.Count * 0.9) - 1));

    private static string Ms(double ms) => ms.ToString("N1", CultureInfo.InvariantCulture) + " ms";

    private static string Met(bool met) => met ? "**met**" : "**not met**";

    public static string Section(RuntimeRun r)
    {
        double M(string key) => Median(r.Results[key]);
        var text = new StringBuilder();
        text.AppendLine(Heading);
        text.AppendLine("""
            `dotnet run -c Release --project bench/Capsule.Bench.Runtime -- --write-docs` generates a page of 1,000 rows twice:
            as a mini program served by `capsule dev`, and as a static HTML page served by a tiny ASP.NET Core app on the same
            machine, and drives both in Debian's Chromium (headless) through Playwright. What each line measures:

            - **cold**: a fresh browser context (empty HTTP cache, nothing in memory), from the navigation until the first
              page is ready (the program's first page rendered and reported to the host; the static page's load event) and
              the next animation frame. For the program this is the simulator page, its script, the manifest
              (`/dev/program`), the container document with its runtime and logic Worker, and the bundle.
            - **warm**, static page: the same page loaded again in the same context (HTTP cache), measured the same way.
            - **warm**, mini program: the program started again in the already loaded simulator page (`capsule.restart()`,
              which hot reload also uses), once the simulator has loaded its next container ahead (an idle iframe whose
              runtime and logic Worker are up, as a shell keeps a warm container): the manifest fetched again, the bundle's
              files from the host's memory (HTTP cache behind it), until the frame after the new first page is ready,
              timed in the page. This is reopening a program that is not kept alive; reopening one the shell kept alive is the
              shell's own line below.
            - **setData**: a tap handler times `setData` from the call to its callback (the view has patched the DOM): one
              row (`'rows[500].label'`) and all 1,000 rows replaced, 40 times each.
            - **tap → paint**: a real click (Playwright's mouse) on a button, from the `pointerdown` event's timestamp until
              the task after the next animation frame following the row's text change (a MutationObserver over every shadow
              root). In the program the event goes from the view to the handler in the Worker, its `setData` back to the view,
              the DOM is patched and the frame painted; the static page changes the row in its click handler.
            - **shell**: the real server and shell with the demo "Hello Capsule": reopened from Chats where it was kept alive
              (the hash change until the frame after it is shown), and started again from its ··· menu's Re-enter (the click
              until the frame after its new first page is ready: the launch request, a new container, the bundle from memory).
            """);
        text.AppendLine();
        text.AppendLine($"Last run: {r.Machine.Cpu}, {r.Machine.ProcessorCount} cores, {r.Machine.Os}, {r.Machine.Runtime}, Chromium {r.Chromium}; " +
            $"load average {r.Machine.LoadAverage} at the end (the machine is shared: other engineers' builds and tests were running, so " +
            "absolute figures are pessimistic and noisy; the ratios against the static page in the same run are what count); commit {r.Machine.Commit}.");
        text.AppendLine();
        text.AppendLine("| measure | samples | median | p90 |");
        text.AppendLine("| --- | ---: | ---: | ---: |");
        foreach (var (key, values) in r.Results)
        {
            text.AppendLine($"| {key} | {values.Count} | {Ms(Median(values))} | {Ms(P90(values))} |");
        }
        text.AppendLine();
        var cold = M(Measures.ProgramCold) / M(Measures.StaticCold);
        var warm = M(Measures.ProgramWarm);
        var one = M(Measures.OneRow);
        var all = M(Measures.AllRows);
        var tap = M(Measures.ProgramTap) / M(Measures.StaticTap);
        text.AppendLine("Against the goals (medians):");
        text.AppendLine();
        text.AppendLine($"- cold launch **{cold.ToString("0.00", CultureInfo.InvariantCulture)}×** the static page (goal ≤ 2×): {Met(cold <= 2)}.");
        text.AppendLine($"- warm launch **{Ms(warm)}** (goal ≤ 60 ms): {Met(warm <= 60)}; the static page's reload took {Ms(M(Measures.StaticWarm))}.");
        text.AppendLine($"- one-row update **{Ms(one)}** (goal ≤ 4 ms): {Met(one <= 4)}; p90 {Ms(P90(r.Results[Measures.OneRow]))}.");
        text.AppendLine($"- full 1,000-row replace **{Ms(all)}** (goal ≤ 16 ms): {Met(all <= 16)}; p90 {Ms(P90(r.Results[Measures.AllRows]))}.");
        text.AppendLine($"- tap → setData → paint **{tap.ToString("0.00", CultureInfo.InvariantCulture)}×** the static page's tap → paint ({Ms(M(Measures.ProgramTap))} against {Ms(M(Measures.StaticTap))}; no goal set).");
        text.AppendLine();
        text.AppendLine("Where launch time goes: the runtime's performance marks (`capsule:*`, `client/src/runtime/bridge/launch-marks.ts`) and the");
        text.AppendLine("documents' navigation timings, medians in ms since the simulator page's navigation (cold) or since `capsule.restart()` (warm).");
        text.AppendLine("The container is made before the manifest is fetched, so its steps overlap the host's.");
        text.AppendLine();
        text.AppendLine("| step | cold | warm |");
        text.AppendLine("| --- | ---: | ---: |");
        foreach (var (label, _, _) in LaunchProfile.Steps)
        {
            var c = r.ColdProfile.TryGetValue(label, out var cs) ? Ms(Median(cs)) : "";
            var w = r.WarmProfile.TryGetValue(label, out var ws) ? Ms(Median(ws)) : "";
            text.AppendLine($"| {label} | {c} | {w} |");
        }
        return text.ToString();
    }
}
