using Capsule.Bench;

// Compile time of a large generated project: Capsule (in process and as `capsule build`) against Tencent's wcc + wcsc,
// all measured in this run; and the size of its bundle (and the samples'), minified and readable. Usage: Capsule.Bench [--rounds N] [--write-docs] [--keep]
const int PageCount = 240;
const long MinWxmlBytes = 1024 * 1024;
const int WarmupCompiles = 5;
const int InProcessPerRound = 3;

var rounds = 15;
var writeDocs = false;
var keep = false;
for (var i = 0; i < args.Length; i++)
{
    switch (args[i])
    {
        case "--rounds" when i + 1 < args.Length && int.TryParse(args[i + 1], out var n) && n > 0:
            rounds = n;
            i++;
            break;
        case "--write-docs":
            writeDocs = true;
            break;
        case "--keep":
            keep = true;
            break;
        default:
            Console.Error.WriteLine($"bench: unknown argument {args[i]}\nusage: Capsule.Bench [--rounds N] [--write-docs] [--keep]");
            return 2;
    }
}

var work = Path.Combine(Path.GetTempPath(), $"capsule-bench-{Environment.ProcessId}");
try
{
    var repoRoot = RepoRoot();
    var machine = Machine.Describe(repoRoot);
    var official = OfficialCompiler.Install(repoRoot, Path.Combine(work, "tools"));
    var capsule = CapsuleCompiler.Locate(repoRoot);

    var project = ProjectGenerator.Generate(Path.Combine(work, "project"), PageCount);
    Console.WriteLine($"generated {project.Root}: {project.Pages.Count} pages, WXML {project.Wxml.Bytes:N0} bytes in {project.Wxml.Files} files, WXSS {project.Wxss.Bytes:N0} bytes in {project.Wxss.Files} files");
    if (project.Pages.Count < 200 || project.Wxml.Bytes < MinWxmlBytes)
    {
        throw new BenchException($"the project is too small: it needs at least 200 pages and {MinWxmlBytes:N0} bytes of WXML");
    }

    official.Verify(project.Root);
    var warnings = capsule.Verify(project.Root, project.Pages.Count);
    Console.WriteLine($"verified: wcc, wcsc, `capsule build` and ProjectCompiler.Compile all succeed ({warnings.Count} Capsule warning(s))");
    foreach (var warning in warnings.Take(5))
    {
        Console.WriteLine("  " + warning);
    }

    var sizes = BundleSize.Measure($"generated ({project.Pages.Count} pages)", project.Root)
        .Concat(BundleSize.Measure("samples/hello", Path.Combine(repoRoot, "samples", "hello")))
        .ToList();

    var wcc = new Series("wcc (all WXML + WXS)");
    var wcsc = new Series("wcsc (all WXSS)");
    var officialTotal = new Series("**official: wcc + wcsc**");
    var cli = new Series("Capsule as a fresh process (`capsule build`)");
    var inProcess = new Series("Capsule in process (`ProjectCompiler.Compile`, warm)");

    void RunOfficial(bool record)
    {
        var wccRun = Succeeded("wcc", official.Wcc(project.Root));
        var wcscRun = Succeeded("wcsc", official.Wcsc(project.Root));
        if (record)
        {
            wcc.Add(wccRun.Elapsed, wccRun.Cpu);
            wcsc.Add(wcscRun.Elapsed, wcscRun.Cpu);
            officialTotal.Add(wccRun.Elapsed + wcscRun.Elapsed, wccRun.Cpu + wcscRun.Cpu);
        }
    }

    void RunCli(bool record)
    {
        var run = Succeeded("capsule build", capsule.Build(project.Root));
        if (record)
        {
            cli.Add(run.Elapsed, run.Cpu);
        }
    }

    void RunInProcess(bool record)
    {
        for (var k = 0; k < (record ? InProcessPerRound : WarmupCompiles); k++)
        {
            GC.Collect();
            GC.WaitForPendingFinalizers();
            GC.Collect();
            var (result, elapsed, cpu) = CapsuleCompiler.CompileInProcess(project.Root);
            if (!result.Succeeded)
            {
                throw new BenchException("ProjectCompiler.Compile failed during timing");
            }
            if (record)
            {
                inProcess.Add(elapsed, cpu);
            }
        }
    }

    var steps = new Action<bool>[] { RunOfficial, RunCli, RunInProcess };
    for (var round = 0; round <= rounds; round++)
    {
        var record = round > 0;
        for (var s = 0; s < steps.Length; s++)
        {
            steps[(s + round) % steps.Length](record);
        }
        Console.WriteLine(record ? $"round {round}/{rounds} done" : "warm-up round done");
    }

    var result = new BenchResult(DateTime.UtcNow, machine, project, rounds, WarmupCompiles, warnings.Count, Machine.CurrentLoadAverage(), wcc, wcsc, officialTotal, cli, inProcess, sizes);
    Console.WriteLine();
    Console.WriteLine(Report.Table(result));
    Console.WriteLine(Report.SizeTable(result));
    if (writeDocs)
    {
        var docs = Path.Combine(repoRoot, "docs", "performance.md");
        Report.WriteDocs(docs, result);
        Console.WriteLine($"wrote {docs}");
    }
    return 0;
}
catch (BenchException error)
{
    Console.Error.WriteLine($"bench: {error.Message}");
    return 1;
}
finally
{
    if (keep)
    {
        Console.WriteLine($"kept {work}");
    }
    else if (Directory.Exists(work))
    {
        Directory.Delete(work, recursive: true);
    }
}

static ProcessResult Succeeded(string tool, ProcessResult run) =>
    run.Succeeded ? run : throw new BenchException($"{tool} failed during timing (exit {run.ExitCode}): {run.Error.Trim()}");

static string RepoRoot()
{
    for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
    {
        if (File.Exists(Path.Combine(directory.FullName, "Capsule.slnx")))
        {
            return directory.FullName;
        }
    }
    throw new BenchException($"no Capsule.slnx above {AppContext.BaseDirectory}");
}
