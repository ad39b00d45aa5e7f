using System.Text.Json.Nodes;
using Evolver.Archive;
using Evolver.Core;
using Xunit;
using Xunit.Abstractions;

namespace Evolver.Cli.Tests;

/// <summary>
/// The loop improves on its seed within its budget, for real: a real run (Docker sandbox, git archive, gp mutator) of a
/// small seed whose search radius is a conservative constant, on two tasks whose fixes lie one and two steps away.
/// The seed resolves the first only; a gp child that widens the radius resolves both, on the same tasks in the same order.
/// Then the main job (no verb) in the same folder reports the finished run instead of starting another.
/// </summary>
[Collection(DockerCollection.Name)]
public sealed class RunImprovementTests(DockerFixture docker, ITestOutputHelper output) : IDisposable
{
    /// <summary>
    /// A small search-based repair agent: it moves the integer literals of <c>calc.py</c> by 1, then 2, ... up to
    /// <c>MaxShift</c>, running the visible tests after each candidate. The radius starts at 1 because every step costs
    /// a test run per literal.
    /// </summary>
    private const string ShiftAgent = """
        using System.Text.RegularExpressions;
        using Evolver.Agents.Sdk;

        return await AgentHost.RunAsync(new ShiftAgent(), args);

        internal sealed class ShiftAgent : IAgent
        {
            /// <summary>How far a literal may move; conservative, since each step is one more test run per literal.</summary>
            private const int MaxShift = 1;

            public async Task<AgentReport> RunAsync(AgentContext context, CancellationToken cancellationToken)
            {
                var file = Path.Combine(context.RepoPath, "calc.py");
                var original = await File.ReadAllTextAsync(file, cancellationToken);
                var command = "python3 -m pytest -q -p no:cacheprovider " + string.Join(' ', context.VisibleTests);
                var tried = 0;
                for (var shift = 1; shift <= MaxShift; shift++)
                {
                    foreach (var sign in new[] { 1, -1 })
                    {
                        foreach (Match m in Regex.Matches(original, @"\b\d+\b"))
                        {
                            var moved = int.Parse(m.Value) + (sign * shift);
                            await File.WriteAllTextAsync(file, original[..m.Index] + moved + original[(m.Index + m.Length)..], cancellationToken);
                            tried++;
                            var run = await Shell.RunAsync(command, context.RepoPath, TimeSpan.FromSeconds(30), 20000, cancellationToken);
                            if (run.ExitCode == 0)
                            {
                                return new AgentReport("completed", $"{m.Value} -> {moved} makes the visible tests pass", tried);
                            }
                        }
                    }
                }

                await File.WriteAllTextAsync(file, original, cancellationToken);
                return new AgentReport("gave_up", $"none of {tried} candidates within {MaxShift} of a literal passes", tried);
            }
        }
        """;

    private readonly RunTestBed bed = new();

    public void Dispose() => bed.Dispose();

    [Fact]
    public async Task Run_SeedWithAConservativeRadius_GpChildResolvesMoreOfTheSameTasks()
    {
        docker.RequireEngine();
        var seed = WriteSeed();
        var suite = WriteSuite(
            ("double", "def double(x):\n    return x * 3\n", "from calc import double\n\n\ndef test_double():\n    assert double(4) == 8\n"),
            ("tenth", "def tenth(x):\n    return x // 12\n", "from calc import tenth\n\n\ndef test_tenth():\n    assert tenth(100) == 10\n"));
        var config = bed.Config(suite, iterations: 4, rngSeed: 3);
        config["seeds"] = new JsonArray(seed);
        config["mutators"] = new JsonArray(new JsonObject
        {
            ["name"] = "gp", ["weight"] = 1, ["parents"] = 1, ["options"] = new JsonObject { ["operators"] = "constant" },
        });

        var run = await CliRunner.RunAsync(bed.Work.Path, "run", "--config", bed.Write(config));
        output.WriteLine(run.ToString());

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Contains("the run.iterations budget ended it", run.Out);
        var state = await bed.StateAsync();
        var seedEntry = Assert.Single(state.History, h => h.Kind == ChildKind.Seed);
        Assert.Equal(("shift", 2, 1), (seedEntry.Id, seedEntry.Tasks, seedEntry.Resolved));
        var best = state.Best;
        Assert.NotNull(best);
        Assert.Equal((ChildKind.Child, 2, 2), (best.Kind, best.Tasks, best.Resolved));
        Assert.Contains("seed: shift score 0.5 (1/2)", run.Out);
        Assert.Contains($"best: {best.Id} score 1 (2/2), improved on the seed by 0.5", run.Out);
        Assert.Contains("lineage: shift 0.5 (1/2) -> ", run.Out);
        Assert.Contains("on the 2 tasks both ran: seed 1/2, best 2/2; the best resolves tenth (", run.Out);
        Assert.Contains(") that the seed did not, and misses none that the seed resolved", run.Out);

        // Run again side by side at the end, the difference holds: it is the agents', not the machine's load.
        Assert.Contains($"confirming: shift and {best.Id} side by side on 1 of the 1 task(s) where they differed", run.Out);
        Assert.Matches($@"  tenth: shift unresolved in \d+ s, {best.Id} resolved in \d+ s -> the difference holds", run.Out);
        Assert.Contains($"confirmed: 1 of 1 difference(s) between shift and {best.Id} hold when both run at once", run.Out);

        // Like for like: the same two tasks, and the improvement is the radius gp moved, nothing else.
        using var archive = AgentArchive.Open(bed.ArchivePath);
        var seedRecord = archive.GetVariant("shift").Evaluation;
        var bestRecord = archive.GetVariant(best.Id).Evaluation;
        Assert.Equal(seedRecord.Tasks.Select(t => t.InstanceId).Order(), bestRecord.Tasks.Select(t => t.InstanceId).Order());
        Assert.Equal(["double"], seedRecord.Tasks.Where(t => t.Resolved).Select(t => t.InstanceId));
        var diff = await CliRunner.RunAsync(bed.Work.Path, "archive", "diff", best.Id, "--archive", bed.ArchivePath);
        Assert.True(diff.ExitCode == 0, diff.ToString());
        Assert.Contains("-    private const int MaxShift = 1;", diff.Out);
        Assert.Matches(@"\+    private const int MaxShift = [2-9];", diff.Out);

        // The main job (no verb) started in the same folder finds the finished run in ./evolver-archive, reports it and leaves it alone.
        var main = await CliRunner.RunAsync(bed.Work.Path);
        Assert.True(main.ExitCode == 0, main.ToString());
        Assert.Contains("holds a finished run (the run.iterations budget ended it)", main.Out);
        Assert.Contains($"best: {best.Id} score 1 (2/2), improved on the seed by 0.5", main.Out);
        Assert.Contains("the best resolves tenth (", main.Out);
        Assert.Equal(state.Sessions, (await bed.StateAsync()).Sessions);
    }

    private string WriteSeed()
    {
        var dir = bed.Work.Combine("seeds", "shift");
        Directory.CreateDirectory(dir);
        File.WriteAllText(Path.Combine(dir, "Program.cs"), ShiftAgent);
        return dir;
    }

    /// <summary>A suite of one-function Python tasks; the hidden test is the visible one, so the score is the agent's own check.</summary>
    private string WriteSuite(params (string Id, string Code, string Test)[] tasks)
    {
        var dir = bed.Work.Combine("shift-suite");
        Directory.CreateDirectory(dir);
        File.WriteAllText(Path.Combine(dir, "suite.json"), """{ "name": "shift", "version": "1", "description": "literals off by one or two", "license": "MIT", "source": "written for this test" }""");
        foreach (var (id, code, test) in tasks)
        {
            var task = Path.Combine(dir, "tasks", id);
            Directory.CreateDirectory(Path.Combine(task, "repo"));
            Directory.CreateDirectory(Path.Combine(task, "hidden"));
            File.WriteAllText(Path.Combine(task, "repo", "calc.py"), code);
            File.WriteAllText(Path.Combine(task, "repo", "test_calc.py"), test);
            File.WriteAllText(Path.Combine(task, "hidden", "test_calc.py"), test);
            var json = new JsonObject
            {
                ["instance_id"] = id,
                ["problem_statement"] = $"`{id}` in calc.py returns the wrong value; test_calc.py shows what it should return.",
                ["language"] = "python",
                ["image"] = "evolver-python",
                ["test_command"] = "python3 -m pytest -rA -p no:cacheprovider test_calc.py",
                ["test_format"] = "pytest",
                ["FAIL_TO_PASS"] = new JsonArray($"test_calc.py::test_{id}"),
                ["PASS_TO_PASS"] = new JsonArray(),
                ["visible_tests"] = new JsonArray("test_calc.py"),
                ["timeouts"] = new JsonObject { ["agent_seconds"] = 60, ["test_seconds"] = 60 },
                ["source"] = "written for this test",
            };
            File.WriteAllText(Path.Combine(task, "task.json"), json.ToJsonString());
        }

        return dir;
    }
}
