using System.Globalization;
using System.Text.Json;
using Evolver.Core;
using Evolver.Sandbox;
using Serilog;

namespace Evolver.Mutation.Benchmarks;

/// <summary>
/// The repair seed's resolve rate on an imported suite in the real sandbox: builds archive/seeds/repair with
/// AgentBuilder, evaluates it on every task (or the listed ones), and prints each task's outcome, time and the agent's
/// own report, then the resolve rate.
/// </summary>
internal static class RepairBenchmark
{
    public static async Task<int> RunAsync(string[] args)
    {
        if (args.Length == 0)
        {
            Console.Error.WriteLine("repair: name the suite folder (for example .evolver/suites/quixbugs)");
            return 2;
        }

        var loaded = SuiteLoader.Load(args[0]);
        if (!loaded.IsValid)
        {
            Console.Error.WriteLine(loaded.Describe());
            return 2;
        }

        var suite = loaded.Suite!;
        var only = args.Length > 1 && args[1] != "*" ? args[1].Split(',').ToHashSet(StringComparer.Ordinal) : null;
        var tasks = suite.Tasks.Where(t => only is null || only.Contains(t.InstanceId)).ToList();
        var parallel = args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 2;
        var verbose = args.Contains("-v");

        using var build = new TempFolder("evolver-repair-bench-");
        var builder = new AgentBuilder(new AgentBuilderOptions(), TimeProvider.System);
        var built = await builder.BuildAsync(BenchmarkPaths.Seed("repair"), build.Path, CancellationToken.None);
        if (!built.Succeeded)
        {
            Console.Error.WriteLine(built.Describe());
            return 1;
        }

        await using var sandbox = await DockerSandbox.CreateAsync(new SandboxOptions(), new LoggerConfiguration().CreateLogger(), TimeProvider.System, null, CancellationToken.None);
        await sandbox.PrepareAsync(tasks.Select(t => t.Image), CancellationToken.None);
        var progress = new SyncProgress<EvaluationProgress>(p =>
        {
            if (p.Result is { } r)
            {
                Console.WriteLine($"{r.InstanceId,-32} {r.Outcome,-12} {r.Duration.TotalSeconds,6:F1} s  {Summary(r.Solve.Report)}");
                if (verbose)
                {
                    Console.WriteLine(r.Solve.OutputTail);
                    Console.WriteLine(r.Solve.Patch);
                }
            }
        });
        var report = await new SuiteEvaluator(sandbox, TimeProvider.System).EvaluateAsync(suite, tasks, built.Artifact, parallel, progress, CancellationToken.None);
        Console.WriteLine();
        Console.WriteLine($"repair on {suite.Name} {suite.Version}: resolved {report.ResolvedCount}/{report.Results.Count} = {report.Score:P1}, wall time {report.Duration.TotalMinutes:F1} min");
        return 0;
    }

    private static string Summary(string? report)
    {
        if (report is null)
        {
            return "(no report)";
        }

        using var json = JsonDocument.Parse(report);
        var status = json.RootElement.TryGetProperty("status", out var s) ? s.GetString() : "?";
        var summary = json.RootElement.TryGetProperty("summary", out var m) ? m.GetString() : "";
        return $"{status}: {summary}";
    }
}
