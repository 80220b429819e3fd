using Capsule.Compiler.Manifest;
using Capsule.Compiler.Projects;
using Capsule.Testing;

namespace Capsule.Compiler.Tests.Projects;

public sealed class ProjectFilesTests
{
    [Theory]
    [InlineData("""{ "miniprogramRoot": "miniprogram/", "appid": "wx0123456789abcdef" }""", "miniprogram", "wx0123456789abcdef")]
    [InlineData("""{ "miniprogramRoot": "./", "appid": "touristappid" }""", "", null)]
    [InlineData("{ // comment\n \"appid\": \"wx1\", }", "", "wx1")]
    [InlineData("not json", "", null)]
    [InlineData("[]", "", null)]
    public void Project_config_names_the_program_root_and_appid(string text, string root, string? appId) =>
        Assert.Equal(new ProjectConfig(root, appId), ProjectConfig.Parse(text));

    [Fact]
    public void The_program_root_comes_from_miniprogramRoot_and_hidden_and_node_modules_folders_are_skipped()
    {
        using var project = new TempDirectory();
        project.Write("project.config.json", """{ "miniprogramRoot": "src/" }""");
        project.Write("src/app.json", "{}");
        project.Write("src/pages/a.js", "");
        project.Write("src/node_modules/x/index.js", "");
        project.Write("src/.git/config", "");
        project.Write("other.js", "");

        var files = new DirectoryProjectFiles(project.Path);

        Assert.Equal(["app.json", "pages/a.js"], files.Paths.Order(StringComparer.Ordinal));
        Assert.Equal(2, files.Size("app.json"));
    }

    [Fact]
    public void A_miniprogramRoot_outside_the_project_is_ignored()
    {
        using var project = new TempDirectory();
        project.Write("project.config.json", """{ "miniprogramRoot": "../elsewhere" }""");
        project.Write("app.json", "{}");
        Assert.Contains("app.json", new DirectoryProjectFiles(project.Path).Paths);
    }
}
