using System.Globalization;
using System.Text;

namespace Capsule.Bench;

/// <summary>The figures of one run.</summary>
public sealed record BenchResult(
    DateTime Date,
    Machine Machine,
    GeneratedProject Project,
    int Rounds,
    int WarmupCompiles,
    int Warnings,
    string LoadAverageAfter,
    Series Wcc,
    Series Wcsc,
    Series Official,
    Series Cli,
    Series InProcess,
    IReadOnlyList<BundleSize> Sizes);

/// <summary>Renders a run as Markdown and keeps the compile-time section of <c>docs/performance.md</c> up to date.</summary>
public static class Report
{
    public const string Heading = "## Compiler: compile time vs wcc/wcsc";

    public const double Goal = 2.0;

    private const string Intro = """
        # Performance

        Speed is measured in bench/ as ratios against a baseline measured in the same run, on the same machine and
        the same input, so that the ratio, not the absolute time, is what is compared between machines and over time.
        Each section below is written by its benchmark; rerun the command it names rather than editing the figures.

        """;

    private static readonly CultureInfo s_invariant = CultureInfo.InvariantCulture;

    /// <summary>The table of timings and ratios.</summary>
    public static string Table(BenchResult r)
    {
        var text = new StringBuilder();
        text.Append("| compiler | elapsed, median | min | max | CPU time, median |\n| --- | ---: | ---: | ---: | ---: |\n");
        foreach (var series in new[] { r.Wcc, r.Wcsc, r.Official, r.Cli, r.InProcess })
        {
            var (elapsed, cpu) = (series.Elapsed, series.Cpu);
            text.Append(s_invariant, $"| {series.Name} | {Ms(elapsed.Median)} | {Ms(elapsed.Min)} | {Ms(elapsed.Max)} | {Ms(cpu.Median)} |\n");
        }
        text.Append("\n| Capsule run as | official ÷ Capsule, elapsed medians | goal ≥ 2× | elapsed minimums | CPU time medians |\n");
        text.Append("| --- | ---: | --- | ---: | ---: |\n");
        foreach (var series in new[] { r.InProcess, r.Cli })
        {
            var ratio = r.Official.Elapsed.Median / series.Elapsed.Median;
            text.Append(s_invariant, $"| {series.Name} | **{ratio:0.00}×** | {(ratio >= Goal ? "met" : "not met")} | {r.Official.Elapsed.Min / series.Elapsed.Min:0.00}× | {r.Official.Cpu.Median / series.Cpu.Median:0.00}× |\n");
        }
        return text.ToString();
    }

    /// <summary>The bundle sizes, readable and minified, and the change, for each project.</summary>
    public static string SizeTable(BenchResult r)
    {
        var text = new StringBuilder();
        text.Append("| project | scripts | view JS | logic JS | CSS | served (all but maps) | source maps |\n");
        text.Append("| --- | --- | ---: | ---: | ---: | ---: | ---: |\n");
        foreach (var project in r.Sizes.GroupBy(s => s.Project))
        {
            var readable = project.Single(s => !s.Minified);
            var minified = project.Single(s => s.Minified);
            text.Append($"| {project.Key} | readable | {Cells(readable)} |\n");
            text.Append($"| | minified | {Cells(minified)} |\n");
            text.Append($"| | change | {Change(readable.View, minified.View)} | {Change(readable.Logic, minified.Logic)} | {Change(readable.Styles, minified.Styles)} | ")
                .Append($"**{Change(readable.Served, minified.Served)}** | {Change(readable.Maps, minified.Maps)} |\n");
        }
        return text.ToString();

        static string Cells(BundleSize s) => string.Join(" | ", new[] { s.View, s.Logic, s.Styles, s.Served, s.Maps }.Select(Bytes));
        static string Bytes(FileSize size) => $"{Size(size.Raw)} · {Size(size.Gzip)} gz";
        static string Change(FileSize before, FileSize after) => $"{Percent(before.Raw, after.Raw)} · {Percent(before.Gzip, after.Gzip)} gz";
        static string Percent(long before, long after) => before == 0 ? "—" : ((after - before) * 100.0 / before).ToString("+0;−0;0", s_invariant) + " %";
    }

    /// <summary>The whole docs section: how to reproduce, what is measured, the run's facts and the tables.</summary>
    public static string Section(BenchResult r)
    {
        var p = r.Project;
        var text = new StringBuilder();
        text.Append(Heading).Append("\n\n");
        text.Append("""
            Goal (compiler issue): Capsule compiles a large project at least 2× faster than Tencent's official compiler.
            Reproduce, which also rewrites this section:

            ```sh
            (cd tests/oracle && npm install)   # wcc/wcsc from npm miniprogram-compiler 0.2.3, as locked
            dotnet run -c Release --project bench/Capsule.Bench -- --write-docs
            ```

            `bench/Capsule.Bench` generates the same shop-style project on every run: pages with nested views, `{{ }}`
            bindings, `wx:for` (also nested), `wx:if`/`wx:elif`/`wx:else` chains, forms, templates imported from shared
            files and defined locally, includes, a WXS module, and per-page WXSS in rpx (some with `@import`). It checks that
            every page compiles without errors in Capsule and in wcc/wcsc, then times, in the same run, rounds of:

            - **wcc + wcsc**: `wcc -d -cc "0" <every .wxml> <every .wxs> -gn $gwx`, then `wcsc -db -pc <n> <every .wxss>`,
              as processes in the project folder with stdout captured in memory, the way npm `miniprogram-compiler` runs them;
            - **`capsule build`**: `dotnet capsule.dll build <project>`, a fresh process each time, so runtime start-up and
              JIT are included;
            - **`ProjectCompiler.Compile`**: in the benchmark's process after warm-up compiles; reading the files from disk
              is inside the timing.

            The order of the three rotates from round to round. Each is timed as elapsed (wall-clock) time, which the goal
            is judged on, and as CPU time (user + system, from `getrusage`; for the in-process compile it is the whole
            process's, JIT and GC threads included), which other load on the machine hardly changes.

            """);
        var m = r.Machine;
        text.Append(s_invariant, $"""

            Last run: {r.Date:yyyy-MM-dd}{(m.Commit is { } commit ? $", commit {commit}" : "")}.

            - Machine: {m.Cpu}, {m.ProcessorCount} logical cores (`nproc`: {m.Nproc}), {m.Os}, {m.Runtime}. Load average
              {m.LoadAverage} before the run and {r.LoadAverageAfter} after it; rounds interleave the compilers, so load
              from other processes falls on both sides.
            - Project: {p.Pages.Count} pages, a main package and {p.SubPackages} subpackages of {ProjectGenerator.PagesPerPackage} pages;
              Capsule reports {r.Warnings} warning(s) on it.
              - WXML: {Size(p.Wxml)}
              - WXSS: {Size(p.Wxss)}
              - WXS: {Size(p.Wxs)}
              - JS: {Size(p.Js)}
            - Samples: {r.Rounds} rounds after one warm-up round; the in-process compile ran {r.WarmupCompiles} times to
              warm up, then {r.InProcess.Elapsed.Count / r.Rounds} times a round.


            """);
        text.Append(Table(r));
        text.Append("""

            ### Bundle size

            Goal (compiler issue): bundles are minified, with source maps still exact. Scripts are minified by default
            (`CompileOptions.Minify`): the view code is generated without indentation or spaces, and each logic file and
            WXS module loses its comments, indentation and the spaces and line breaks its parse does not depend on, names
            untouched; the source maps point each token of a logic file and WXS module, and each statement of the view
            code, at its line and column in the original. Readable scripts (`capsule build --no-minify`, for debugging)
            keep the logic and WXS files as written and put each view statement, as compact as when minified, on its own
            indented line. Both ways are compiled in the same run, without timing; the timings above are of minified
            builds. Sizes are bytes as stored and gzip-compressed (level 6, each file on its own, as a server sends it);
            "served" is every file but the source maps, which only developer tools fetch.


            """);
        text.Append(SizeTable(r));
        return text.ToString();
    }

    /// <summary>Replaces the compile-time section of the file (creating the file if needed), keeping the rest.</summary>
    public static void WriteDocs(string path, BenchResult r) => PerformanceDoc.WriteSection(path, Heading, Section(r), Intro);

    private static string Ms(double milliseconds) =>
        milliseconds >= 100 ? milliseconds.ToString("0", s_invariant) + " ms" : milliseconds.ToString("0.0", s_invariant) + " ms";

    private static string Size(long bytes) => bytes switch
    {
        >= 1024 * 1024 => string.Create(s_invariant, $"{bytes / 1024.0 / 1024.0:0.00} MB"),
        >= 1024 => string.Create(s_invariant, $"{bytes / 1024.0:0.0} KB"),
        _ => $"{bytes} B",
    };

    private static string Size(SourceSize size)
    {
        var files = size.Files == 1 ? "1 file" : $"{size.Files} files";
        return size.Bytes switch
        {
            >= 1024 * 1024 => string.Create(s_invariant, $"{size.Bytes / 1024.0 / 1024.0:0.00} MB ({size.Bytes:N0} bytes) in {files}"),
            >= 1024 => string.Create(s_invariant, $"{size.Bytes / 1024.0:0} KB ({size.Bytes:N0} bytes) in {files}"),
            _ => $"{size.Bytes} bytes in {files}",
        };
    }
}
