using System.Text;

namespace Capsule.Bench;

/// <summary>
/// Tencent's wcc and wcsc from npm <c>miniprogram-compiler</c> (pinned in <c>tests/oracle</c>), run with the arguments
/// its <c>src/wcc.js</c> and <c>src/wcsc.js</c> build. The binaries are copied to a scratch folder and made executable,
/// because npm installs them with mode 0644.
/// </summary>
public sealed class OfficialCompiler
{
    private readonly string _wcc;
    private readonly string _wcsc;

    private OfficialCompiler(string wcc, string wcsc)
    {
        _wcc = wcc;
        _wcsc = wcsc;
    }

    public static OfficialCompiler Install(string repoRoot, string toolsDirectory)
    {
        if (!OperatingSystem.IsLinux())
        {
            throw new BenchException("the benchmark runs the Linux builds of wcc/wcsc, so it runs on Linux only");
        }
        var package = Path.Combine(repoRoot, "tests", "oracle", "node_modules", "miniprogram-compiler");
        var bin = Path.Combine(package, "bin", "linux");
        if (!File.Exists(Path.Combine(bin, "wcc")) || !File.Exists(Path.Combine(bin, "wcsc")))
        {
            throw new BenchException($"wcc/wcsc not found under {bin}: run `npm install` in tests/oracle first");
        }
        Directory.CreateDirectory(toolsDirectory);
        string Copy(string name)
        {
            var target = Path.Combine(toolsDirectory, name);
            File.Copy(Path.Combine(bin, name), target, overwrite: true);
            File.SetUnixFileMode(target, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
            return target;
        }
        return new OfficialCompiler(Copy("wcc"), Copy("wcsc"));
    }

    /// <summary>
    /// <c>wcc -d -cc "0" &lt;every .wxml&gt; &lt;every .wxs&gt; -gn $gwx</c> in the project root. No page uses components, so
    /// the component argument is <c>"0"</c>. Paths are given as <c>./path</c> so that absolute imports resolve (see
    /// <c>tests/oracle/FINDINGS.md</c>, section 1).
    /// </summary>
    public ProcessResult Wcc(string projectRoot) =>
        ProcessRunner.Run(_wcc, WccArguments(projectRoot), projectRoot);

    /// <summary>
    /// <c>wcsc -db -pc &lt;n&gt; &lt;files&gt;</c> in the project root, with every .wxss; as in <c>src/wcsc.js</c>, a file with a
    /// sibling .json (a page's or app's) moves to the front and is counted in <c>n</c>.
    /// </summary>
    public ProcessResult Wcsc(string projectRoot) =>
        ProcessRunner.Run(_wcsc, WcscArguments(projectRoot), projectRoot);

    /// <summary>Checks that both compilers succeed and that their output names every source file.</summary>
    public void Verify(string projectRoot)
    {
        var wcc = Wcc(projectRoot);
        Check("wcc", wcc, Files(projectRoot, ".wxml").Select(f => "./" + f));
        var wcsc = Wcsc(projectRoot);
        Check("wcsc", wcsc, Files(projectRoot, ".wxss"));
    }

    private static void Check(string tool, ProcessResult result, IEnumerable<string> expectedKeys)
    {
        if (!result.Succeeded)
        {
            throw new BenchException($"{tool} failed on the generated project (exit {result.ExitCode}): {result.Error.Trim()}");
        }
        var output = Encoding.UTF8.GetString(result.Output);
        var missing = expectedKeys.Where(k => !output.Contains(k, StringComparison.Ordinal)).ToList();
        if (missing.Count > 0)
        {
            throw new BenchException($"{tool} output does not mention {missing.Count} file(s), such as {missing[0]}");
        }
    }

    private static List<string> WccArguments(string projectRoot) =>
    [
        "-d", "-cc", "0",
        .. Files(projectRoot, ".wxml").Select(f => "./" + f),
        .. Files(projectRoot, ".wxs").Select(f => "./" + f),
        "-gn", "$gwx",
    ];

    private static List<string> WcscArguments(string projectRoot)
    {
        var list = new List<string>();
        var withJson = 0;
        foreach (var file in Files(projectRoot, ".wxss"))
        {
            if (File.Exists(Path.Combine(projectRoot, file[..^".wxss".Length] + ".json")))
            {
                withJson++;
                list.Insert(0, file);
            }
            else
            {
                list.Add(file);
            }
        }
        return ["-db", "-pc", withJson.ToString(), .. list];
    }

    /// <summary>Project-relative paths of the files with this extension, sorted like the package's <c>glob.sync</c>.</summary>
    private static IEnumerable<string> Files(string projectRoot, string extension) =>
        Directory.EnumerateFiles(projectRoot, "*" + extension, SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(projectRoot, f).Replace('\\', '/'))
            .Where(f => !f.Split('/').Contains("node_modules"))
            .Order(StringComparer.Ordinal);
}
