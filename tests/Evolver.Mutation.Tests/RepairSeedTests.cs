using System.Text.Json;
using Evolver.Agents.Sdk;
using Evolver.Core;
using Evolver.Mutation.Tests.Llm;
using Xunit;
using Xunit.Abstractions;

namespace Evolver.Mutation.Tests;

/// <summary>The repair seed, built with AgentBuilder and run in the real sandbox on real QuixBugs tasks.</summary>
public sealed class RepairSeedTests(RepairSandboxFixture fixture, ITestOutputHelper output) : IClassFixture<RepairSandboxFixture>
{
    [Fact]
    public async Task Repair_QuixbugsTasks_ResolvesAtLeastHalf()
    {
        var report = await new SuiteEvaluator(fixture.Sandbox, TimeProvider.System)
            .EvaluateAsync(fixture.Suite, fixture.Suite.Tasks, fixture.Agent, 2, null, CancellationToken.None);

        foreach (var result in report.Results)
        {
            output.WriteLine($"{result.InstanceId}: {result.Outcome} in {result.Duration.TotalSeconds:F0} s; {Report(result.Solve)?.Summary}");
        }

        Assert.Equal(RepairSandboxFixture.Tasks.Split(',').Length, report.Results.Count);
        Assert.DoesNotContain(report.Results, r => r.Outcome == TaskOutcome.HarnessError);
        Assert.True(report.ResolvedCount >= 3, $"resolved {report.ResolvedCount} of {report.Results.Count}");
        foreach (var resolved in report.Results.Where(r => r.Resolved))
        {
            // A one-line repair: the diff touches the buggy program and nothing else (no caches, no scratch files).
            Assert.Equal("completed", Report(resolved.Solve)!.Status);
            var files = resolved.Solve.Patch.Split('\n').Where(l => l.StartsWith("diff --git ", StringComparison.Ordinal)).ToList();
            Assert.Equal($"diff --git a/python_programs/{resolved.InstanceId}.py b/python_programs/{resolved.InstanceId}.py", Assert.Single(files));
            Assert.Single(resolved.Solve.Patch.Split('\n'), l => l.StartsWith('-') && !l.StartsWith("---", StringComparison.Ordinal));
        }
    }

    [Fact]
    public async Task Repair_VisibleTestsAlreadyPass_GivesUpAndLeavesRepoUnchanged()
    {
        // gcd with its bug fixed: the visible tests pass, so there is nothing to localise and nothing may change.
        var gcd = fixture.Suite.Tasks.Single(t => t.InstanceId == "gcd");
        var copy = Path.Combine(fixture.Work, "fixed-gcd");
        CopyTree(gcd.Directory, copy);
        File.Copy(Path.Combine(RepairSandboxFixture.Upstream(), "correct_python_programs", "gcd.py"), Path.Combine(copy, "repo", "python_programs", "gcd.py"), overwrite: true);

        var solve = await fixture.Sandbox.SolveAsync(gcd with { Directory = copy }, fixture.Agent, CancellationToken.None);

        Assert.Equal(AgentStatus.Failed, solve.Status);
        Assert.Equal("", solve.Patch);
        var report = Report(solve)!;
        Assert.Equal("gave_up", report.Status);
        Assert.Contains("the visible tests already pass", report.Summary);
    }

    [Fact]
    public async Task Repair_LoopingBaseline_ReportsATimeProfileTheRecordKeeps()
    {
        // bitcount's bug loops forever, so every visible test of the traced baseline runs into BaselineTestSeconds.
        var bitcount = fixture.Suite.Tasks.Single(t => t.InstanceId == "bitcount");

        var solve = await fixture.Sandbox.SolveAsync(bitcount, fixture.Agent, CancellationToken.None);
        var record = TaskRecord.From(new TaskResult { InstanceId = "bitcount", Outcome = TaskOutcome.Unresolved, Reason = "", Solve = solve }, 0);

        output.WriteLine(solve.Report);
        var profile = record.TimeProfile!.ToDictionary(u => u.Name);
        var baseline = profile["PytestRunner.BaselineTestSeconds"];
        Assert.Equal(1, baseline.Uses);
        Assert.True(baseline.Expired >= 1, $"{baseline}");
        Assert.Equal(5.0 * baseline.Expired, baseline.ExpiredSeconds, 6);
        Assert.True(baseline.Seconds >= baseline.ExpiredSeconds, $"{baseline}");
        Assert.True(profile["PytestRunner.QuickTestSeconds"].Uses >= 1, string.Join("; ", profile.Values));
        Assert.Subset(
            new HashSet<string>
            {
                "PytestRunner.QuickTestSeconds", "PytestRunner.BaselineTestSeconds", "PytestRunner.FullTestSeconds",
                "SearchBudget.Reserve", "RepairAgent.MinimumSearch", "SequentialSearch.FirstEstimate",
            },
            profile.Keys.ToHashSet());

        // The SDK reads its own report back, profile included.
        Assert.Equal(record.TimeProfile!.Count, Report(solve)!.Profile!.Count);
    }

    private static AgentReport? Report(SolveResult solve) =>
        solve.Report is null ? null : JsonSerializer.Deserialize<AgentReport>(solve.Report, AgentContext.JsonOptions);

    private static void CopyTree(string from, string to)
    {
        foreach (var file in Directory.GetFiles(from, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(to, Path.GetRelativePath(from, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }
}
