using System.Text.Json;
using Capsule.Testing;

namespace Capsule.Cli.Tests;

/// <summary><c>capsule render</c> as DESIGN.md interface 1 defines it.</summary>
public sealed class RenderCommandTests
{
    [Fact]
    public void Prints_the_virtual_dom_of_a_page_for_the_given_data()
    {
        using var temp = new TempDirectory();
        var data = temp.Write("data.json", """{"greeting":"Hi","name":"you","fruits":[{"name":"Fig","price":9}]}""");

        var run = Cli.Invoke("render", RepoPaths.Sample("hello"), "pages/index/index.wxml", "--data", data);

        Assert.Equal(ExitCodes.Success, run.ExitCode);
        Assert.Equal("", run.Errors);
        var tree = JsonDocument.Parse(run.Output).RootElement;
        Assert.Equal("wx-page", tree.GetProperty("tag").GetString());
        var container = tree.GetProperty("children")[0];
        Assert.Equal("container", container.GetProperty("attr").GetProperty("class").GetString());
        Assert.Equal("wx-image", container.GetProperty("children")[0].GetProperty("tag").GetString());
        Assert.Equal("Hi, you!", container.GetProperty("children")[1].GetProperty("children")[0].GetString());
        Assert.Equal(0, container.GetProperty("children")[3].GetProperty("attr").GetProperty("data-index").GetInt32());
    }

    [Fact]
    public void Without_data_the_page_renders_with_empty_data()
    {
        var run = Cli.Invoke("render", RepoPaths.Sample("hello"), "pages/index/index.wxml");
        Assert.Equal(ExitCodes.Success, run.ExitCode);
        Assert.Contains("\", !\"", run.Output);
    }

    [Fact]
    public void A_compile_error_exits_1_with_file_line_col()
    {
        using var temp = new TempDirectory();
        temp.Write("pages/a/a.wxml", "<view>\n  <text>{{ a + }}</text>\n</view>");

        var run = Cli.Invoke("render", temp.Path, "pages/a/a.wxml");

        Assert.Equal(ExitCodes.CompileError, run.ExitCode);
        Assert.Equal("", run.Output);
        Assert.StartsWith("pages/a/a.wxml:2:16: the expression ended too early\n", run.Errors.ReplaceLineEndings("\n"));
    }

    [Fact]
    public void A_missing_page_or_bad_data_is_a_clear_error()
    {
        using var temp = new TempDirectory();
        var data = temp.Write("data.json", "{ not json");

        var missing = Cli.Invoke("render", RepoPaths.Sample("hello"), "pages/none/none.wxml");
        Assert.Equal(ExitCodes.CompileError, missing.ExitCode);
        Assert.Contains("pages/none/none.wxml is not a file of the project", missing.Errors);

        var bad = Cli.Invoke("render", RepoPaths.Sample("hello"), "pages/index/index.wxml", "--data", data);
        Assert.Equal(ExitCodes.BadInput, bad.ExitCode);
        Assert.StartsWith("data.json:1:3: data is not valid JSON", bad.Errors);
    }
}
