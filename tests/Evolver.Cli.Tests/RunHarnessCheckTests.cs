using System.Text.Json.Nodes;
using Evolver.Archive;
using Xunit;
using Xunit.Abstractions;

namespace Evolver.Cli.Tests;

/// <summary>
/// A run checks the harness on its own tasks before it evolves (the main job always; <c>run --check-harness</c>): gold
/// must resolve every task and empty none. A failed check stops the run before anything is archived; a passed one is
/// remembered until the suite, the images or the sandbox change.
/// </summary>
[Collection(DockerCollection.Name)]
public sealed class RunHarnessCheckTests(DockerFixture docker, ITestOutputHelper output) : IDisposable
{
    /// <summary>A seed that changes nothing; its one constant gives gp something to move.</summary>
    private const string IdleAgent = """
        using Evolver.Agents.Sdk;

        return await AgentHost.RunAsync(new IdleAgent(), args);

        internal sealed class IdleAgent : IAgent
        {
            private const int Attempts = 1;

            public Task<AgentReport> RunAsync(AgentContext context, CancellationToken cancellationToken) =>
                Task.FromResult(new AgentReport("gave_up", $"made {Attempts - 1} change(s)", Attempts));
        }
        """;

    private const string GoodPatch = """
        diff --git a/calc.py b/calc.py
        --- a/calc.py
        +++ b/calc.py
        @@ -1,2 +1,2 @@
         def double(x):
        -    return x * 3
        +    return x * 2

        """;

    private readonly RunTestBed bed = new();

    [Fact]
    public async Task Run_CheckHarness_RefusesABrokenGoldPatchThenChecksOnceAndReusesTheRecord()
    {
        docker.RequireEngine();
        var suite = WriteSuite(GoodPatch.Replace("x * 2", "x * 4", StringComparison.Ordinal));
        var config = bed.Config(suite, iterations: 1);
        config["seeds"] = new JsonArray(WriteSeed());

        // A gold patch that does not fix its task: the run does not start, and nothing is archived.
        var refused = await CliRunner.RunAsync(bed.Work.Path, "run", "--check-harness", "--config", bed.Write(config));
        output.WriteLine(refused.ToString());
        Assert.True(refused.ExitCode == 1, refused.ToString());
        Assert.Contains("harness check: gold must resolve every task and empty none, on the 1 task(s) of ", refused.Out);
        Assert.Contains("double: gold unresolved", refused.Out);
        Assert.Contains("the run did not start: its harness check failed", refused.Error);
        using (var archive = AgentArchive.Open(bed.ArchivePath))
        {
            Assert.Empty(archive.ListVariants());
        }

        // Fixed: the check passes and the run goes on.
        File.WriteAllText(Path.Combine(suite, "tasks", "double", "gold.patch"), GoodPatch);
        config["archive"] = bed.Work.Combine("second");
        var checkedRun = await CliRunner.RunAsync(bed.Work.Path, "run", "--check-harness", "--config", bed.Write(config));
        output.WriteLine(checkedRun.ToString());
        Assert.True(checkedRun.ExitCode == 0, checkedRun.ToString());
        Assert.Contains("validation passed for all 1 suite(s)", checkedRun.Out);
        Assert.Contains("the run.iterations budget ended it", checkedRun.Out);

        // Same suite, images and sandbox: the record stands in for a second check.
        config["archive"] = bed.Work.Combine("third");
        var reused = await CliRunner.RunAsync(bed.Work.Path, "run", "--check-harness", "--config", bed.Write(config));
        output.WriteLine(reused.ToString());
        Assert.True(reused.ExitCode == 0, reused.ToString());
        Assert.Matches(@"harness check, check-\w+: gold 1/1, empty 0/1: PASS \(recorded ", reused.Out);
        Assert.DoesNotContain("validation passed", reused.Out);
    }

    [Fact]
    public async Task Run_CheckHarnessOnTasksWithoutGoldPatch_SaysWhichAndHowToGoOn()
    {
        docker.RequireEngine();
        var suite = WriteSuite(null);
        var config = bed.Config(suite, iterations: 1);
        config["seeds"] = new JsonArray(WriteSeed());

        var run = await CliRunner.RunAsync(bed.Work.Path, "run", "--check-harness", "--config", bed.Write(config));

        Assert.True(run.ExitCode == 2, run.ToString());
        Assert.Contains("runs each task's gold.patch, and 1 task(s) have none (", run.Error);
        Assert.Contains("/double): add them, or start the run without the check", run.Error);
    }

    public void Dispose() => bed.Dispose();

    private string WriteSeed()
    {
        var dir = bed.Work.Combine("seeds", "idle");
        Directory.CreateDirectory(dir);
        File.WriteAllText(Path.Combine(dir, "Program.cs"), IdleAgent);
        return dir;
    }

    /// <summary>A one-task suite with a name of its own, so no record from an earlier test run applies to it.</summary>
    private string WriteSuite(string? goldPatch)
    {
        var dir = bed.Work.Combine("check-suite");
        var task = Path.Combine(dir, "tasks", "double");
        Directory.CreateDirectory(Path.Combine(task, "repo"));
        Directory.CreateDirectory(Path.Combine(task, "hidden"));
        var name = "check-" + Guid.NewGuid().ToString("N")[..12];
        File.WriteAllText(Path.Combine(dir, "suite.json"), $$"""{ "name": "{{name}}", "version": "1", "description": "one wrong factor", "license": "MIT", "source": "written for this test" }""");
        File.WriteAllText(Path.Combine(task, "repo", "calc.py"), "def double(x):\n    return x * 3\n");
        File.WriteAllText(Path.Combine(task, "hidden", "test_calc.py"), "from calc import double\n\n\ndef test_double():\n    assert double(4) == 8\n");
        if (goldPatch is not null)
        {
            File.WriteAllText(Path.Combine(task, "gold.patch"), goldPatch);
        }

        var json = new JsonObject
        {
            ["instance_id"] = "double",
            ["problem_statement"] = "`double` in calc.py returns three times its argument.",
            ["language"] = "python",
            ["image"] = "evolver-python",
            ["test_command"] = "python3 -m pytest -rA -p no:cacheprovider test_calc.py",
            ["test_format"] = "pytest",
            ["FAIL_TO_PASS"] = new JsonArray("test_calc.py::test_double"),
            ["PASS_TO_PASS"] = new JsonArray(),
            ["timeouts"] = new JsonObject { ["agent_seconds"] = 30, ["test_seconds"] = 60 },
            ["source"] = "written for this test",
        };
        File.WriteAllText(Path.Combine(task, "task.json"), json.ToJsonString());
        return dir;
    }
}
