using System.Diagnostics;
using System.Reflection;
using Capsule.Compiler;
using Capsule.Compiler.Diagnostics;
using Capsule.Compiler.Projects;

namespace Capsule.Bench;

/// <summary>Capsule's compiler, timed in this process (<see cref="ProjectCompiler.Compile"/>) and as <c>capsule build</c>.</summary>
public sealed class CapsuleCompiler
{
    private readonly string _cli;

    private CapsuleCompiler(string cli) => _cli = cli;

    /// <summary>Uses the <c>capsule.dll</c> that the build of this benchmark produced, in the same configuration.</summary>
    public static CapsuleCompiler Locate(string repoRoot)
    {
        var configuration = typeof(CapsuleCompiler).Assembly.GetCustomAttribute<AssemblyConfigurationAttribute>()?.Configuration ?? "Release";
        var cli = Path.Combine(repoRoot, "src", "Capsule.Cli", "bin", configuration, "net10.0", "capsule.dll");
        return File.Exists(cli) ? new CapsuleCompiler(cli) : throw new BenchException($"{cli} not found: build src/Capsule.Cli in {configuration}");
    }

    /// <summary>Reads the project from disk and compiles it, as <c>capsule build</c> does.</summary>
    /// <remarks>The CPU time is the whole process's, so it includes the runtime's JIT and GC threads.</remarks>
    public static (CompileResult Result, TimeSpan Elapsed, TimeSpan Cpu) CompileInProcess(string projectRoot)
    {
        var cpuBefore = CpuTime.OfSelf();
        var clock = Stopwatch.StartNew();
        var result = ProjectCompiler.Compile(new DirectoryProjectFiles(projectRoot));
        clock.Stop();
        return (result, clock.Elapsed, CpuTime.OfSelf() - cpuBefore);
    }

    /// <summary><c>dotnet capsule.dll build &lt;projectRoot&gt;</c> as a fresh process.</summary>
    public ProcessResult Build(string projectRoot) =>
        ProcessRunner.Run("dotnet", [_cli, "build", projectRoot], projectRoot);

    /// <summary>Checks that both ways compile every page without an error; returns the warnings.</summary>
    public IReadOnlyList<string> Verify(string projectRoot, int pageCount)
    {
        var (result, _, _) = CompileInProcess(projectRoot);
        var errors = result.Diagnostics.Where(d => d.Severity == Severity.Error).ToList();
        if (errors.Count > 0 || result.Bundle is not { } bundle)
        {
            throw new BenchException($"Capsule failed on the generated project with {errors.Count} error(s):\n"
                + string.Join("\n", errors.Take(10).Select(e => e.ToStringWithExcerpt())));
        }
        var pages = bundle.Manifest.Pages.Count + bundle.Manifest.SubPackages.Sum(s => s.Pages.Count);
        if (pages != pageCount)
        {
            throw new BenchException($"Capsule's bundle has {pages} pages, the project {pageCount}");
        }
        var cli = Build(projectRoot);
        if (!cli.Succeeded)
        {
            throw new BenchException($"`capsule build` failed (exit {cli.ExitCode}): {cli.Error.Trim()}");
        }
        return [.. result.Diagnostics.Where(d => d.Severity == Severity.Warning).Select(d => d.ToString())];
    }
}
