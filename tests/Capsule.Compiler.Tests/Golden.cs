namespace Capsule.Compiler.Tests;

/// <summary>
/// Compares outputs with golden files. Set CAPSULE_UPDATE_GOLDEN=1 to rewrite the golden files after a deliberate
/// change; the test then fails, so that a run with the switch on never passes by accident.
/// </summary>
internal static class Golden
{
    public static void Verify(params (string Path, string Actual)[] outputs)
    {
        if (Environment.GetEnvironmentVariable("CAPSULE_UPDATE_GOLDEN") == "1")
        {
            foreach (var (path, actual) in outputs)
            {
                File.WriteAllText(path, actual + "\n");
            }
            Assert.Fail($"golden files rewritten ({string.Join(", ", outputs.Select(o => Path.GetFileName(o.Path)))}); review them and run again without CAPSULE_UPDATE_GOLDEN");
        }
        foreach (var (path, actual) in outputs)
        {
            Assert.True(File.Exists(path), $"{path} is missing: run with CAPSULE_UPDATE_GOLDEN=1 and review it");
            Assert.Equal(File.ReadAllText(path).TrimEnd('\n'), actual);
        }
    }
}
