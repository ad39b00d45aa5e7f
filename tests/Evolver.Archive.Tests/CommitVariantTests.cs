using System.Text.Json;
using Evolver.Core;
using LibGit2Sharp;

namespace Evolver.Archive.Tests;

public sealed class CommitVariantTests
{
    [Fact]
    public async Task AddSeedAsync_SeedFolder_CommitsSourceTreeWithoutBuildOutput()
    {
        using var fixture = new ArchiveFixture();
        var source = fixture.Source(("Agent.cs", "class A { }\n"), ("sub/Tool.cs", "class T { }\n"), ("bin/x.dll", "bin"), ("obj/y", "obj"));

        var seed = await fixture.Archive.AddSeedAsync(source, null, CancellationToken.None);

        Assert.Equal("v0", seed.Id);
        Assert.Equal(0, seed.Generation);
        Assert.Empty(seed.Parents);
        Assert.Equal(VariantStatus.Pending, seed.Evaluation.Status);
        Assert.True(seed.Evaluation.Admitted);
        using var repo = new Repository(fixture.ArchivePath);
        var commit = (Commit)repo.Refs["refs/evolver/variants/v0"].ResolveToDirectReference().Target;
        Assert.Equal(seed.Commit, commit.Sha);
        Assert.Empty(commit.Parents);
        Assert.Equal(["Agent.cs", "sub"], commit.Tree.Select(e => e.Name));
        Assert.Equal("class T { }\n", ((Blob)commit["sub/Tool.cs"].Target).GetContentText());
    }

    [Fact]
    public async Task CommitVariantAsync_ChildOfSeed_ParentCommitIsSeedAndGenerationOne()
    {
        using var fixture = new ArchiveFixture();
        var seed = await fixture.SeedAsync();

        var child = await fixture.ChildAsync("class B { }\n", 0.5, "seed");

        Assert.Equal("v0", child.Id);
        Assert.Equal(1, child.Generation);
        Assert.Equal(["seed"], child.Parents);
        using var repo = new Repository(fixture.ArchivePath);
        Assert.Equal([seed.Commit], repo.Lookup<Commit>(child.Commit).Parents.Select(p => p.Sha));
    }

    [Fact]
    public async Task CommitVariantAsync_Crossover_CommitHasBothParentsInOrder()
    {
        using var fixture = new ArchiveFixture();
        await fixture.SeedAsync();
        var a = await fixture.ChildAsync("a", 0.2, "seed");
        var b = await fixture.ChildAsync("b", 0.4, a.Id);

        var cross = await fixture.ChildAsync("ab", 0.6, b.Id, a.Id);

        Assert.Equal(3, cross.Generation);
        using var repo = new Repository(fixture.ArchivePath);
        Assert.Equal([b.Commit, a.Commit], repo.Lookup<Commit>(cross.Commit).Parents.Select(p => p.Sha));
        Assert.Equal([b.Id, a.Id], fixture.Archive.GetVariant(cross.Id).Parents);
    }

    [Fact]
    public async Task CommitVariantAsync_FailedAttempt_IsArchivedButNotSelectable()
    {
        using var fixture = new ArchiveFixture();
        await fixture.SeedAsync();
        var failed = await fixture.Archive.CommitVariantAsync(
            new VariantDraft
            {
                SourceDirectory = fixture.Source(("Agent.cs", "class {")),
                Parents = ["seed"],
                Evaluation = new EvaluationRecord
                {
                    Status = VariantStatus.CompileFailed,
                    Admitted = false,
                    Diagnostics = ["Agent.cs(1,7): error CS1001: Identifier expected"],
                    Flags = ["compile-error"],
                },
            },
            CancellationToken.None);

        var stored = fixture.Archive.GetVariant(failed.Id);

        Assert.Equal(VariantStatus.CompileFailed, stored.Evaluation.Status);
        Assert.False(stored.Evaluation.Admitted);
        Assert.Equal(["Agent.cs(1,7): error CS1001: Identifier expected"], stored.Evaluation.Diagnostics);
        Assert.DoesNotContain(fixture.Archive.ReadSelectionInputs(), c => c.Id == failed.Id);
        Assert.Equal(1, fixture.Archive.ListVariants().Single(v => v.Id == "seed").Children);
    }

    [Fact]
    public async Task GetVariant_AfterCommit_ReturnsTheWholeRecord()
    {
        var time = new FixedTimeProvider(new DateTimeOffset(2025, 1, 2, 3, 4, 5, TimeSpan.Zero));
        using var fixture = new ArchiveFixture(time);
        await fixture.SeedAsync();
        var evaluation = new EvaluationRecord
        {
            Status = VariantStatus.Evaluated,
            Admitted = true,
            Score = 0.5,
            Tasks =
            [
                new TaskRecord { InstanceId = "t1", Outcome = TaskOutcome.Resolved, Reason = "all pass", Duration = TimeSpan.FromSeconds(2.5), Stage = 0 },
                new TaskRecord { InstanceId = "t2", Outcome = TaskOutcome.PatchFailed, Reason = "bad hunk", Duration = TimeSpan.FromSeconds(1), Stage = 1 },
            ],
            Stages = [new StageRecord("screen", 1, 1, true), new StageRecord("full", 1, 0, false)],
            Suite = "quixbugs",
            SuiteVersion = "1.0",
            Mutator = "llm",
            MutationDescription = "Retry failed edits\n\nThe agent now retries.",
            InputTokens = 1200,
            OutputTokens = 300,
            CostUsd = 0.042,
            Timings = new Dictionary<string, TimeSpan> { ["mutate"] = TimeSpan.FromSeconds(12.25), ["evaluate"] = TimeSpan.FromSeconds(90) },
            Diagnostics = ["warning CS0168"],
            Flags = ["repaired"],
        };

        await fixture.Archive.CommitVariantAsync(
            new VariantDraft { SourceDirectory = fixture.Source(("A.cs", "x")), Parents = ["seed"], Evaluation = evaluation, Id = "retry-1" },
            CancellationToken.None);
        fixture.Reopen();
        var stored = fixture.Archive.GetVariant("retry-1");

        Assert.Equal(time.Now, stored.CreatedAt);
        Assert.Equal(evaluation.Tasks, stored.Evaluation.Tasks);
        Assert.Equal(evaluation.Stages, stored.Evaluation.Stages);
        Assert.Equal(evaluation.Timings, stored.Evaluation.Timings);
        Assert.Equal(evaluation.Diagnostics, stored.Evaluation.Diagnostics);
        Assert.Equal(evaluation.Flags, stored.Evaluation.Flags);
        Assert.Equal(evaluation with { Tasks = [], Stages = [], Timings = null!, Diagnostics = [], Flags = [] },
            stored.Evaluation with { Tasks = [], Stages = [], Timings = null!, Diagnostics = [], Flags = [] });
        var summary = fixture.Archive.ListVariants().Single(v => v.Id == "retry-1");
        Assert.Equal(("Retry failed edits", 1500L, 0.042), (summary.Summary, summary.Tokens, summary.CostUsd));
    }

    [Fact]
    public async Task CommitVariantAsync_Note_IsReadableByLibgit2AsJson()
    {
        using var fixture = new ArchiveFixture();
        var seed = await fixture.SeedAsync();
        var child = await fixture.ChildAsync("c", 0.75, "seed");

        using var repo = new Repository(fixture.ArchivePath);
        var note = repo.Notes["evolver", new ObjectId(child.Commit)];

        using var json = JsonDocument.Parse(note.Message);
        Assert.Equal(child.Id, json.RootElement.GetProperty("id").GetString());
        Assert.Equal(0.75, json.RootElement.GetProperty("evaluation").GetProperty("score").GetDouble());
        Assert.Equal("evaluated", json.RootElement.GetProperty("evaluation").GetProperty("status").GetString());
        Assert.NotNull(repo.Notes["evolver", new ObjectId(seed.Commit)]);
    }

    [Fact]
    public async Task CommitVariantAsync_MissingParent_ThrowsNamingRefAndWritesNothing()
    {
        using var fixture = new ArchiveFixture();
        await fixture.SeedAsync();

        var error = await Assert.ThrowsAsync<ArchiveException>(() => fixture.ChildAsync("x", 0, "ghost"));

        Assert.Contains("refs/evolver/variants/ghost", error.Message);
        Assert.Equal(["seed"], fixture.Archive.ListVariants().Select(v => v.Id));
        Assert.True(fixture.Archive.Fsck(repair: false).IsConsistent);
    }

    [Fact]
    public async Task CommitVariantAsync_ExistingId_ThrowsAndKeepsTheOriginal()
    {
        using var fixture = new ArchiveFixture();
        var seed = await fixture.SeedAsync();

        await Assert.ThrowsAsync<ArchiveException>(() => fixture.SeedAsync());

        Assert.Equal(seed.Commit, fixture.Archive.GetVariant("seed").Commit);
        Assert.True(fixture.Archive.Fsck(repair: false).IsConsistent);
    }

    [Fact]
    public async Task CommitVariantAsync_GeneratedIds_CountUpAcrossReopen()
    {
        using var fixture = new ArchiveFixture();
        await fixture.SeedAsync();
        var first = await fixture.ChildAsync("1", 0, "seed");
        fixture.Reopen();

        var second = await fixture.ChildAsync("2", 0, "seed");

        Assert.Equal(("v0", "v1"), (first.Id, second.Id));
    }

    [Fact]
    public async Task UpdateEvaluationAsync_EvaluatedSeed_ReplacesRecordAndKeepsChildren()
    {
        using var fixture = new ArchiveFixture();
        await fixture.SeedAsync();
        await fixture.ChildAsync("c", 0.1, "seed");

        await fixture.Archive.UpdateEvaluationAsync("seed", ArchiveFixture.Evaluation(0.3), CancellationToken.None);
        fixture.Reopen();

        Assert.Equal(0.3, fixture.Archive.GetVariant("seed").Evaluation.Score);
        var summary = fixture.Archive.ListVariants().Single(v => v.Id == "seed");
        Assert.Equal((0.3, 1, VariantStatus.Evaluated), (summary.Score, summary.Children, summary.Status));
        Assert.True(fixture.Archive.Fsck(repair: false).IsConsistent);
    }
}
