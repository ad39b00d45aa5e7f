using Docker.DotNet.Models;
using Evolver.Core;
using Xunit;

namespace Evolver.Sandbox.Tests;

/// <summary>Agents that fork, allocate, print or sleep without end, or delete the repository, are stopped and scored; the harness goes on.</summary>
[Collection(SandboxCollection.Name)]
public sealed class MisbehavingAgentTests(SandboxFixture fixture)
{
    private async Task<TaskResult> EvaluateAsync(string agent)
    {
        var evaluator = new TaskEvaluator(fixture.Sandbox, TimeProvider.System);
        return await evaluator.EvaluateAsync(fixture.PythonTask, fixture.Agent(agent), CancellationToken.None);
    }

    [Fact]
    public async Task SolveAsync_ForkBomb_IsStoppedAndUnresolved()
    {
        var result = await EvaluateAsync("forkbomb");

        Assert.False(result.Resolved);

        // Depending on where the process cap bites, the runtime aborts itself or runs until it is stopped.
        AssertStatus(result, AgentStatus.TimedOut, AgentStatus.Killed, AgentStatus.Failed);
        Assert.True(result.Solve.Duration < TimeSpan.FromSeconds(SandboxFixture.AgentSeconds + 30), $"took {result.Solve.Duration}");
        await AssertHarnessStillWorksAsync();
    }

    [Fact]
    public async Task SolveAsync_MemoryHog_IsKilledAndUnresolved()
    {
        var result = await EvaluateAsync("memhog");

        Assert.False(result.Resolved);
        AssertStatus(result, AgentStatus.Killed, AgentStatus.Failed, AgentStatus.TimedOut);
        await AssertHarnessStillWorksAsync();
    }

    [Fact]
    public async Task SolveAsync_OutputFlood_IsStoppedAtTheCap()
    {
        var result = await EvaluateAsync("flood");

        AssertStatus(result, AgentStatus.OutputLimit);
        Assert.False(result.Resolved);
        Assert.True(result.Solve.Duration < TimeSpan.FromSeconds(SandboxFixture.AgentSeconds), $"took {result.Solve.Duration}");
        Assert.Contains("printed more than", result.Reason);
        await AssertHarnessStillWorksAsync();
    }

    [Fact]
    public async Task SolveAsync_Sleeper_IsStoppedAtItsTimeLimit()
    {
        var result = await EvaluateAsync("sleeper");

        AssertStatus(result, AgentStatus.TimedOut);
        Assert.InRange(result.Solve.Duration.TotalSeconds, SandboxFixture.AgentSeconds, SandboxFixture.AgentSeconds + 15);
        Assert.False(result.Resolved);
        await AssertHarnessStillWorksAsync();
    }

    [Fact]
    public async Task SolveAsync_RepoDeleter_IsScoredUnresolved()
    {
        var result = await EvaluateAsync("deleter");

        AssertStatus(result, AgentStatus.Completed);
        Assert.Contains("deleted file mode", result.Solve.Patch);
        Assert.False(result.Resolved);
        Assert.NotNull(result.Score);
        await AssertHarnessStillWorksAsync();
    }

    [Fact]
    public async Task SolveAsync_WellBehavedAgent_ReportsAndLeavesItsDiff()
    {
        var result = await EvaluateAsync("fixer");

        AssertStatus(result, AgentStatus.Completed);
        Assert.Equal(0, result.Solve.ExitCode);
        Assert.Contains("+++ b/", result.Solve.Patch);
        Assert.Contains("\"status\": \"completed\"", result.Solve.Report);
    }

    [Fact]
    public async Task SolveAsync_AgentUsingGit_SeesTheBaseCommitAndOnlyItsOwnChange()
    {
        var result = await EvaluateAsync("gitcheck");

        AssertStatus(result, AgentStatus.Completed);
        Assert.Contains("git (exit 0): M README.md | base", result.Solve.Report);
    }

    [Fact]
    public async Task DisposeAsync_AfterRunsWarmAndPreparedContainers_LeavesNoContainerBehind()
    {
        const string prefix = "evolver-leak-test";
        var options = new SandboxOptions { MaxAgentSeconds = SandboxFixture.AgentSeconds, LabelPrefix = prefix, WarmContainers = 2 };
        await using (var sandbox = await DockerSandbox.CreateAsync(options, Serilog.Core.Logger.None, TimeProvider.System, null, CancellationToken.None))
        {
            await sandbox.PrepareAsync([fixture.PythonTask.Image], CancellationToken.None);
            var evaluator = new TaskEvaluator(sandbox, TimeProvider.System);
            var flood = await evaluator.EvaluateAsync(fixture.PythonTask, fixture.Agent("flood"), CancellationToken.None);
            var gold = await evaluator.EvaluateAsync(fixture.PythonTask, AgentArtifact.Gold, CancellationToken.None);
            Assert.True(gold.Resolved, gold.Reason);

            // A solve with a diff and no scoring run leaves a prepared scoring container waiting: dispose removes it too.
            var unscored = await sandbox.SolveAsync(fixture.PythonTask, AgentArtifact.Gold, CancellationToken.None);
            Assert.NotEmpty(unscored.Patch);
            Assert.NotEmpty(await ListAsync(prefix));
        }

        Assert.Empty(await ListAsync(prefix));
    }

    [Fact]
    public async Task WhenIdleAsync_AfterAnEvaluation_LeavesExactlyTheWarmContainersRunning()
    {
        // One warm container per role; the two used ones (solve and score) are removed and replaced once released, in the
        // background; idle means all of that is done.
        const string prefix = "evolver-idle-test";
        var options = new SandboxOptions { MaxAgentSeconds = SandboxFixture.AgentSeconds, LabelPrefix = prefix, WarmContainers = 1 };
        await using var sandbox = await DockerSandbox.CreateAsync(options, Serilog.Core.Logger.None, TimeProvider.System, null, CancellationToken.None);
        await sandbox.PrepareAsync([fixture.PythonTask.Image], CancellationToken.None);
        await sandbox.WhenIdleAsync(CancellationToken.None);
        var warm = (await ListAsync(prefix)).Select(c => c.ID).ToHashSet();

        var gold = await new TaskEvaluator(sandbox, TimeProvider.System).EvaluateAsync(fixture.PythonTask, AgentArtifact.Gold, CancellationToken.None);
        await sandbox.WhenIdleAsync(CancellationToken.None);

        Assert.True(gold.Resolved, gold.Reason);
        var after = await ListAsync(prefix);
        Assert.Equal(2, warm.Count);
        Assert.Equal(2, after.Count);
        Assert.Equal(["score", "solve"], after.Select(c => c.Labels[prefix + ".role"]).Order());
        Assert.All(after, c => Assert.Equal("running", c.State));
        Assert.DoesNotContain(after, c => warm.Contains(c.ID));
    }

    private async Task<IList<ContainerListResponse>> ListAsync(string prefix) =>
        await fixture.Docker.Containers.ListContainersAsync(
            new ContainersListParameters
            {
                All = true,
                Filters = new Dictionary<string, IDictionary<string, bool>> { ["label"] = new Dictionary<string, bool> { [$"{prefix}.managed=true"] = true } },
            });

    private static void AssertStatus(TaskResult result, params AgentStatus[] expected) =>
        Assert.True(expected.Contains(result.Solve.Status), $"status {result.Solve.Status}, expected one of {string.Join(", ", expected)}: {result.Reason}\n{result.Solve.OutputTail}");

    private async Task AssertHarnessStillWorksAsync()
    {
        var evaluator = new TaskEvaluator(fixture.Sandbox, TimeProvider.System);
        var again = await evaluator.EvaluateAsync(fixture.PythonTask, AgentArtifact.Gold, CancellationToken.None);
        Assert.True(again.Resolved, again.Reason);
    }
}
