using Capsule.Compiler;
using Capsule.Compiler.Projects;
using Capsule.Platform.Bundles;
using Capsule.Testing;
using Microsoft.Extensions.Options;

namespace Capsule.Platform.Tests;

public sealed class BundleStoreTests
{
    [Fact]
    public void Saved_files_are_found_by_name_and_nothing_else_is()
    {
        using var data = new TempDirectory();
        var store = new BundleStore(Options.Create(new CapsuleOptions { DataDir = data.Path }));
        var bundle = ProjectCompiler.Compile(new DirectoryProjectFiles(RepoPaths.Sample("hello"))).Bundle!;

        store.Save(bundle);
        store.Save(bundle);

        foreach (var file in bundle.Files)
        {
            Assert.Equal(file.Content, File.ReadAllBytes(store.Find(file.Name)!));
        }
        Assert.Equal(bundle.Files.Count, Directory.GetFiles(Path.Combine(data.Path, "bundles")).Length);
        Assert.Null(store.Find("../capsule.db"));
        Assert.Null(store.Find(new string('0', 32) + ".js"));
    }
}
