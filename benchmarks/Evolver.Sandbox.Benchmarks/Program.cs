using System.Diagnostics;
using Evolver.Core;
using Evolver.Sandbox;
using Evolver.Sandbox.Benchmarks;
using Serilog;

// Sandbox overhead benchmark. Usage (from the repository root, after ./scripts/setup.sh):
//   dotnet run -c Release --project benchmarks/Evolver.Sandbox.Benchmarks -- [suite dir] [rounds]
// For each task of the suite, one bare run of the test command on the host (repo + gold patch + hidden tests in a temp
// folder) and one full gold evaluation in the sandbox (agent container, diff, scoring container), interleaved so that
// machine drift hits both alike. Prints per-task times with each phase's steps, the total ratio and the median
// per-task overhead, overall and per language. Bare runs go into a CPU cgroup beside the containers (see BareCgroup)
// unless --bare-in-host-cgroup is given.
var suiteDir = args.Length > 0 ? args[0] : Path.Combine("benchmarks", "suites", "evolver");
var rounds = args.Length > 1 && !args[1].StartsWith("--", StringComparison.Ordinal) ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 1;

// --bare-in-host-cgroup: run the bare commands where the benchmark itself runs, as the first measurements did.
var noCgroup = "--bare-in-host-cgroup given";
using var cgroup = args.Contains("--bare-in-host-cgroup") ? null : BareCgroup.TryCreate(out noCgroup);
Console.WriteLine(cgroup is null
    ? $"bare runs: in the benchmark's own cgroup ({noCgroup}); on a loaded machine this favours them"
    : $"bare runs: in {cgroup.Path}, a sibling of the sandbox containers with the same CPU weight");
var loaded = SuiteLoader.Load(suiteDir, requireGoldPatch: true);
if (!loaded.IsValid)
{
    Console.Error.WriteLine(loaded.Describe());
    return 2;
}

var suite = loaded.Suite!;
Console.WriteLine($"load average at start: {File.ReadAllText("/proc/loadavg").Trim()}");
// The bare run may use every core, so the sandbox gets as many: the CPU cap is a policy, not an overhead.
await using var sandbox = await DockerSandbox.CreateAsync(new SandboxOptions { Cpus = Environment.ProcessorCount }, new LoggerConfiguration().CreateLogger(), TimeProvider.System, null, CancellationToken.None);
await sandbox.PrepareAsync(suite.Tasks.Select(t => t.Image), CancellationToken.None);
var evaluator = new TaskEvaluator(sandbox, TimeProvider.System);

// Warm-up: the first dotnet and python start-ups on the host and the first container are not what is measured.
foreach (var language in suite.Tasks.GroupBy(t => t.Language).Select(g => g.First()))
{
    await BareRunner.RunAsync(language, cgroup, CancellationToken.None);
    await evaluator.EvaluateAsync(language, AgentArtifact.Gold, CancellationToken.None);
}

var rows = new List<(string Id, string Language, double Bare, double Boxed, double Solve, double Score)>();
for (var round = 0; round < rounds; round++)
{
    foreach (var task in suite.Tasks)
    {
        // Both sides start with the warm pool refilled and the previous task's containers removed.
        await sandbox.WhenIdleAsync(CancellationToken.None);
        var (bare, bareResolved) = await BareRunner.RunAsync(task, cgroup, CancellationToken.None);
        var watch = Stopwatch.StartNew();
        var boxed = await evaluator.EvaluateAsync(task, AgentArtifact.Gold, CancellationToken.None);
        var elapsed = watch.Elapsed.TotalSeconds;
        if (!bareResolved || !boxed.Resolved)
        {
            Console.Error.WriteLine($"{task.InstanceId}: gold not resolved (bare {bareResolved}, sandbox {boxed.Resolved}: {boxed.Reason})");
            return 1;
        }

        rows.Add((task.InstanceId, task.Language, bare.TotalSeconds, elapsed, boxed.Solve.Duration.TotalSeconds, boxed.Score?.Duration.TotalSeconds ?? 0));
        Console.WriteLine($"{task.InstanceId,-36} bare {bare.TotalSeconds,7:F3} s   sandbox {elapsed,7:F3} s (solve {rows[^1].Solve:F3}, score {rows[^1].Score:F3})");
        Console.WriteLine($"    solve: {Steps(boxed.Solve.Timings)}");
        Console.WriteLine($"    score: {Steps(boxed.Score?.Timings)}");
    }
}

var bareTotal = rows.Sum(r => r.Bare);
var boxedTotal = rows.Sum(r => r.Boxed);
var overheads = rows.Select(r => r.Boxed - r.Bare).Order().ToList();
var median = overheads.Count % 2 == 1 ? overheads[overheads.Count / 2] : (overheads[(overheads.Count / 2) - 1] + overheads[overheads.Count / 2]) / 2;
Console.WriteLine();
Console.WriteLine($"tasks: {rows.Count}   bare total: {bareTotal:F2} s   sandbox total: {boxedTotal:F2} s");
Console.WriteLine($"ratio sandbox/bare: {boxedTotal / bareTotal:F2}   median per-task overhead: {median:F3} s");
foreach (var language in rows.GroupBy(r => r.Language))
{
    var o = language.Select(r => r.Boxed - r.Bare).Order().ToList();
    var m = o.Count % 2 == 1 ? o[o.Count / 2] : (o[(o.Count / 2) - 1] + o[o.Count / 2]) / 2;
    Console.WriteLine($"  {language.Key,-8} tasks {o.Count,2}   bare {language.Sum(r => r.Bare),7:F2} s   sandbox {language.Sum(r => r.Boxed),7:F2} s   ratio {language.Sum(r => r.Boxed) / language.Sum(r => r.Bare):F2}   median overhead {m:F3} s");
}

Console.WriteLine($"load average: {File.ReadAllText("/proc/loadavg").Trim()}");
return 0;

static string Steps(IReadOnlyDictionary<string, TimeSpan>? steps) =>
    steps is null ? "-" : string.Join("  ", steps.Select(s => $"{s.Key} {s.Value.TotalSeconds:F3}"));
