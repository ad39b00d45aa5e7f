using System.Text.Json;
using System.Text.Json.Nodes;
using Evolver.Archive;
using Evolver.Core;
using Xunit;

namespace Evolver.Cli.Tests;

/// <summary>
/// The narrowest crash window: a child archived, and the process killed before the run state could say so. The resume
/// must see the child in the archive, bring the state up to date, and not make or evaluate it again.
/// </summary>
[Collection(DockerCollection.Name)]
public sealed class RunRecoveryTests(DockerFixture docker) : IDisposable
{
    private readonly RunTestBed bed = new();

    public void Dispose() => bed.Dispose();

    [Fact]
    public async Task Resume_ChildArchivedBeforeTheStateSaid_RecoversItWithoutRedoingIt()
    {
        docker.RequireEngine();
        var suite = bed.Subset(TestPaths.ShippedSuite, "py-csv-escaped-quotes");
        var config = RunConfig.Default(bed.Work.Path);
        RunConfig.Set(config, "archive", bed.ArchivePath, bed.Work.Path);
        RunConfig.Set(config, "seeds", new JsonArray(RunTestBed.RepairSeed), bed.Work.Path);
        RunConfig.Set(config, "suites", new JsonArray(suite), bed.Work.Path);
        RunConfig.Set(config, "budgets", new JsonObject { ["run"] = new JsonObject { ["iterations"] = 1 } }, bed.Work.Path);

        // What the archive and the state hold after a kill between archiving v0 and saving the state.
        var budgets = RunSettings.Read(config).Budgets;
        var tracker = new BudgetTracker(budgets, TimeProvider.System);
        Assert.True(tracker.TryStartChild("v0").Allowed);
        string v0Commit;
        using (var archive = AgentArchive.Init(bed.ArchivePath))
        {
            await archive.CommitVariantAsync(
                new VariantDraft { SourceDirectory = RunTestBed.RepairSeed, Id = "repair", Evaluation = ArchiveTestBed.Evaluated(0.5, "seed") },
                CancellationToken.None);
            v0Commit = (await archive.CommitVariantAsync(
                new VariantDraft { SourceDirectory = RunTestBed.RepairSeed, Id = "v0", Parents = ["repair"], Evaluation = ArchiveTestBed.Evaluated(0.75) },
                CancellationToken.None)).Commit;
            using var store = RunStore.Open(archive);
            var plan = new ChildPlan { Id = "v0", Kind = ChildKind.Child, Iteration = 1, Parents = ["repair"], MutatorIndex = 0, Mutator = "gp", Seed = 5, TaskSeed = 1 };
            var state = new RunState
            {
                RunId = "crashed",
                Status = RunStatus.Running,
                Config = JsonDocument.Parse(config.ToJsonString()).RootElement.Clone(),
                RngSeed = 1,
                Rng = "0000000000000001:0000000000000002:0000000000000003:0000000000000004",
                NextSequence = 1,
                Iterations = 1,
                InFlight = [plan],
                Budget = JsonDocument.Parse(tracker.SaveState()).RootElement.Clone(),
                History = [new RunHistoryEntry { Id = "repair", Kind = ChildKind.Seed, Status = VariantStatus.Evaluated, Admitted = true, Score = 0.5 }],
                Sessions = 1,
            };
            await store.WriteRunStateAsync(state.ToJson(), CancellationToken.None);
        }

        var resume = await CliRunner.RunAsync(bed.Work.Path, "resume", bed.ArchivePath);

        Assert.True(resume.ExitCode == 0, resume.ToString());
        Assert.Contains("v0: already archived", resume.Out);
        Assert.Contains("the run.iterations budget ended it", resume.Out);
        var after = await bed.StateAsync();
        Assert.Equal(RunStatus.Finished, after.Status);
        Assert.Empty(after.InFlight);
        Assert.Equal(["repair", "v0"], after.History.Select(h => h.Id));
        Assert.Equal(0.75, after.History[1].Score);
        Assert.Equal("0000000000000001:0000000000000002:0000000000000003:0000000000000004", after.Rng);
        using var check = AgentArchive.Open(bed.ArchivePath);
        Assert.Equal(["repair", "v0"], check.ListVariants().Select(v => v.Id).Order());
        Assert.Equal(v0Commit, check.GetVariant("v0").Commit);
        Assert.Empty(check.Fsck(repair: false).Findings);
    }
}
