using Capsule.Testing;

namespace Capsule.Cli.Tests;

/// <summary><c>capsule build</c> as DESIGN.md interface 2 defines it.</summary>
public sealed class BuildCommandTests
{
    [Fact]
    public void Builds_a_project_writes_the_bundle_and_reports_sizes()
    {
        using var output = new TempDirectory();

        var run = Cli.Invoke("build", RepoPaths.Sample("hello"), "--out", output.Path);

        Assert.Equal(ExitCodes.Success, run.ExitCode);
        Assert.Matches(@"^bundle [0-9a-f]{32}: 1 page\(s\), 8 files, [\d.]+ KB", run.Output);
        var files = Directory.GetFiles(output.Path).Select(Path.GetFileName).ToList();
        Assert.Equal(8, files.Count);
        Assert.All(files, f => Assert.Matches("^[0-9a-f]{32}\\.(js|css|json|map|svg)$", f));
    }

    [Fact]
    public void No_minify_writes_readable_scripts()
    {
        using var minified = new TempDirectory();
        using var readable = new TempDirectory();

        Assert.Equal(ExitCodes.Success, Cli.Invoke("build", RepoPaths.Sample("hello"), "--out", minified.Path).ExitCode);
        Assert.Equal(ExitCodes.Success, Cli.Invoke("build", RepoPaths.Sample("hello"), "--out", readable.Path, "--no-minify").ExitCode);

        Assert.Contains("App({onLaunch(){", Scripts(minified.Path));
        Assert.DoesNotContain("\n  onLaunch() {\n", Scripts(minified.Path));
        Assert.Contains("App({\n  onLaunch() {\n", Scripts(readable.Path));
        Assert.True(ScriptSize(readable.Path) > ScriptSize(minified.Path));
    }

    [Fact]
    public void Errors_exit_1_and_are_listed_as_file_line_col()
    {
        using var project = new TempDirectory();
        project.Write("app.json", """{ "pages": ["pages/index/index", "pages/missing/missing"] }""");
        project.Write("pages/index/index.wxml", "<view>{{ ! }}</view>");
        project.Write("pages/index/index.js", "Page({})");

        var run = Cli.Invoke("build", project.Path);

        Assert.Equal(ExitCodes.CompileError, run.ExitCode);
        var lines = run.Errors.ReplaceLineEndings("\n").Split('\n').Where(l => l.Contains(": ", StringComparison.Ordinal) && !l.StartsWith(' ')).ToList();
        Assert.Contains("app.json:1:35: page \"pages/missing/missing\" has no pages/missing/missing.wxml", lines);
        Assert.Contains("pages/index/index.wxml:1:12: the expression ended too early", lines);
        Assert.Contains("capsule: build failed with 3 error(s)", lines);
    }

    [Fact]
    public void A_missing_project_folder_is_a_usage_error()
    {
        var run = Cli.Invoke("build", "/nonexistent/capsule/project");
        Assert.Equal(ExitCodes.BadInput, run.ExitCode);
        Assert.Contains("does not exist", run.Errors);
    }

    private static string Scripts(string folder) =>
        string.Concat(Directory.GetFiles(folder, "*.js").Order(StringComparer.Ordinal).Select(File.ReadAllText));

    private static long ScriptSize(string folder) => Directory.GetFiles(folder, "*.js").Sum(f => new FileInfo(f).Length);
}
