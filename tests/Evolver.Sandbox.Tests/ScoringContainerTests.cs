using Evolver.Core;
using Xunit;

namespace Evolver.Sandbox.Tests;

/// <summary>
/// The scoring container is prepared while the agent runs: it must hold the clean repository, the diff and the hidden
/// tests, and nothing else of the agent's container; and both phases say where their time went.
/// </summary>
[Collection(SandboxCollection.Name)]
public sealed class ScoringContainerTests(SandboxFixture fixture) : IDisposable
{
    private readonly string taskDir = Path.Combine(Path.GetTempPath(), "evolver-scoring-test-" + Guid.NewGuid().ToString("N")[..8]);

    /// <summary>Adds probe.txt (in the diff) and bin/leak.txt (excluded from every diff, so it must stay behind).</summary>
    private const string LeakyPatch = """
        diff --git a/probe.txt b/probe.txt
        new file mode 100644
        --- /dev/null
        +++ b/probe.txt
        @@ -0,0 +1 @@
        +from the diff
        diff --git a/bin/leak.txt b/bin/leak.txt
        new file mode 100644
        --- /dev/null
        +++ b/bin/leak.txt
        @@ -0,0 +1 @@
        +left outside the diff

        """;

    [Fact]
    public async Task ScoreAsync_PreparedContainer_HoldsTheDiffAndHiddenTestsButNothingElseOfTheAgentContainer()
    {
        // Each check runs under set -x, so a failure names the check in the output tail.
        var task = CustomTask(LeakyPatch, string.Join(" && ",
            "set -ex",
            "grep -q 'from the diff' probe.txt",
            "test -f .gitignore",
            $"test -f tests/{SandboxFixture.HiddenMarker}.py",
            "test ! -e bin/leak.txt",
            "test ! -e .git",
            "test ! -e /evolver/input.json",
            "test ! -e /evolver/gold.patch",
            "test -z \"$(ls -A /evolver)\"",
            "test -z \"$(ls -A /opt/agent)\"",
            "test -z \"$(ls -A /evolver-out)\"",
            "test \"$(id -u)\" = 1000"));

        var result = await new TaskEvaluator(fixture.Sandbox, TimeProvider.System).EvaluateAsync(task, AgentArtifact.Gold, CancellationToken.None);

        Assert.Contains("+++ b/probe.txt", result.Solve.Patch);
        Assert.DoesNotContain("leak.txt", result.Solve.Patch);
        Assert.True(result.Resolved, result.Reason + "\n" + result.Score?.OutputTail);
        Assert.Contains("prepared", result.Score!.Timings.Keys);
    }

    [Fact]
    public async Task EvaluateAsync_Gold_RecordsStepTimingsThatAddUpToEachPhase()
    {
        var result = await new TaskEvaluator(fixture.Sandbox, TimeProvider.System).EvaluateAsync(fixture.PythonTask, AgentArtifact.Gold, CancellationToken.None);

        Assert.True(result.Resolved, result.Reason);
        Assert.Equal(["host-prepare", "container", "host-tar", "agent", "collect"], result.Solve.Timings.Keys);
        Assert.Equal(["prepared", "host-tar", "test", "results"], result.Score!.Timings.Keys);
        AssertAddsUp(result.Solve.Timings, result.Solve.Duration);
        AssertAddsUp(result.Score.Timings, result.Score.Duration);
        Assert.All(result.Solve.Timings.Values.Concat(result.Score.Timings.Values), t => Assert.True(t >= TimeSpan.Zero));
    }

    [Fact]
    public async Task SolveAsync_ScoringFollows_FreezesTheSolveContainerUntilTheScoringRunIsOver()
    {
        // Removing the used container and starting its replacement would compete with the scoring run for the CPU.
        const string prefix = "evolver-freeze-test";
        await using var sandbox = await DockerSandbox.CreateAsync(
            new SandboxOptions { LabelPrefix = prefix, WarmContainers = 1 }, Serilog.Core.Logger.None, TimeProvider.System, null, CancellationToken.None);
        await sandbox.PrepareAsync([fixture.PythonTask.Image], CancellationToken.None);
        await sandbox.WhenIdleAsync(CancellationToken.None);

        var solve = await sandbox.SolveAsync(fixture.PythonTask, AgentArtifact.Gold, CancellationToken.None);
        var during = await StatesAsync(prefix);
        var score = await sandbox.ScoreAsync(fixture.PythonTask, solve.Patch, CancellationToken.None);
        await sandbox.WhenIdleAsync(CancellationToken.None);
        var after = await StatesAsync(prefix);

        Assert.True(ScoreVerdict.Judge(fixture.PythonTask, score.Tests).Resolved, score.Reason);
        Assert.Contains(("solve", "paused"), during);
        Assert.Equal([("score", "running"), ("solve", "running")], after.Order());
    }

    private async Task<List<(string Role, string State)>> StatesAsync(string prefix) =>
        (await fixture.Docker.Containers.ListContainersAsync(
            new Docker.DotNet.Models.ContainersListParameters
            {
                All = true,
                Filters = new Dictionary<string, IDictionary<string, bool>> { ["label"] = new Dictionary<string, bool> { [$"{prefix}.managed=true"] = true } },
            })).Select(c => (c.Labels[prefix + ".role"], c.State)).ToList();

    [Fact]
    public async Task ScoreAsync_PatchThatDoesNotApply_IsPatchFailedWithGitsReason()
    {
        var patch = LeakyPatch.Replace("new file mode 100644\n--- /dev/null\n+++ b/probe.txt\n@@ -0,0 +1 @@", "--- a/probe.txt\n+++ b/probe.txt\n@@ -1 +1 @@\n-old", StringComparison.Ordinal);

        var score = await fixture.Sandbox.ScoreAsync(fixture.PythonTask, patch, CancellationToken.None);

        Assert.Equal(ScoreStatus.PatchFailed, score.Status);
        Assert.Contains("does not apply", score.Reason);
        Assert.Contains("probe.txt", score.Reason);
    }

    [Fact]
    public async Task ScoreAsync_TestCommandForgingTheStepFailureMark_IsAnOrdinaryTestRun()
    {
        // Without the run's nonce, a test that prints the mark and exits with its code is just a failing test.
        var task = CustomTask(LeakyPatch, "echo 'evolver-step-failed-00000000000000000000000000000000 apply'; exit 97");

        var score = await fixture.Sandbox.ScoreAsync(task, LeakyPatch, CancellationToken.None);

        Assert.Equal(ScoreStatus.Ran, score.Status);
        Assert.Equal(97, score.ExitCode);
    }

    [Fact]
    public async Task SolveAsync_RepositoryLargerThanTheRepoLimit_IsAHarnessErrorNamingTheSetUp()
    {
        // The set-up runs inside the agent's own exec; its failure must not pass for the agent's.
        var task = CustomTask(LeakyPatch, "true");
        File.WriteAllBytes(Path.Combine(task.RepoDirectory, "big.bin"), new byte[256 * 1024]);
        await using var small = await DockerSandbox.CreateAsync(
            new SandboxOptions { RepoSizeBytes = 64 * 1024, WarmContainers = 0, LabelPrefix = "evolver-test-small" },
            new Serilog.LoggerConfiguration().CreateLogger(), TimeProvider.System, null, CancellationToken.None);

        var solve = await small.SolveAsync(task, AgentArtifact.Gold, CancellationToken.None);

        Assert.Equal(AgentStatus.HarnessError, solve.Status);
        Assert.Contains("could not copy the repository and the agent into the container", solve.Reason);
        Assert.Contains("big.bin", solve.Reason);
    }

    [Fact]
    public async Task FromDirectoryAsync_DotFiles_AreKept()
    {
        var tar = await TarArchive.FromDirectoryAsync(fixture.PythonTask.RepoDirectory, CancellationToken.None);
        var names = (await TarArchive.ReadTextFilesAsync(tar, CancellationToken.None)).Select(f => f.Name).ToList();

        Assert.Contains(".gitignore", names);
        Assert.Contains("tests/test_cache.py", names);
    }

    private TaskSpec CustomTask(string goldPatch, string testCommand)
    {
        SandboxFixture.CopyDirectory(fixture.PythonTask.Directory, taskDir);
        File.WriteAllText(Path.Combine(taskDir, "gold.patch"), goldPatch);
        return fixture.PythonTask with
        {
            Directory = taskDir, TestCommand = testCommand, TestFormat = TestFormat.ExitCode, FailToPass = ["probe"], PassToPass = [],
        };
    }

    private static void AssertAddsUp(IReadOnlyDictionary<string, TimeSpan> steps, TimeSpan phase)
    {
        var sum = steps.Values.Aggregate(TimeSpan.Zero, (a, b) => a + b);
        Assert.True(sum <= phase && phase - sum < TimeSpan.FromMilliseconds(250), $"steps add up to {sum}, the phase took {phase}");
    }

    public void Dispose()
    {
        if (Directory.Exists(taskDir))
        {
            Directory.Delete(taskDir, recursive: true);
        }
    }
}
