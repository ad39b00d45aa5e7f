using Evolver.Core;

namespace Evolver.Archive.Tests;

/// <summary>The selection snapshot beside the index: a newly opened archive starts from it, and it is only ever a cache.</summary>
public sealed class SelectionSnapshotTests
{
    [Fact]
    public async Task ReadSelectionInputs_NewInstanceAfterLaterWrites_StartsFromSnapshotAndSeesEveryChange()
    {
        using var fixture = new ArchiveFixture();
        await fixture.SeedAsync();
        await fixture.Archive.UpdateEvaluationAsync("seed", ArchiveFixture.Evaluation(0.5, true, ("t1", TaskOutcome.Resolved)), CancellationToken.None);
        await fixture.ChildAsync("1", 0.25, "seed");
        fixture.Archive.ReadSelectionInputs();
        var snapshot = SnapshotPath(fixture);
        Assert.True(File.Exists(snapshot), "the first full read writes the snapshot");
        var written = File.GetLastWriteTimeUtc(snapshot);

        // Written after the snapshot: a new child, a children count, an eviction and a new task.
        await fixture.ChildAsync("2", 0.75, "v0");
        await fixture.Archive.UpdateEvaluationAsync("seed", ArchiveFixture.Evaluation(0, admitted: false), CancellationToken.None);
        await fixture.Archive.UpdateEvaluationAsync("v1", ArchiveFixture.Evaluation(0.75, true, ("t9", TaskOutcome.Resolved)), CancellationToken.None);

        using var fresh = AgentArchive.Open(fixture.ArchivePath);
        var inputs = fresh.ReadSelectionInputs();

        Assert.Equal(written, File.GetLastWriteTimeUtc(snapshot));
        Assert.Equal(["v0", "v1"], inputs.Select(c => c.Id));
        Assert.Equal((0.25, 1), (inputs[0].Score, inputs[0].Children));
        Assert.Equal(["t9"], inputs[1].Outcomes.ResolvedTasks);
        AssertSame(Rebuilt(fixture), inputs);
    }

    [Fact]
    public async Task ReadSelectionInputs_DamagedSnapshot_IsIgnoredAndRewritten()
    {
        using var fixture = new ArchiveFixture();
        await fixture.SeedAsync();
        await fixture.ChildAsync("1", 0.25, "seed");
        var expected = fixture.Archive.ReadSelectionInputs();
        var snapshot = SnapshotPath(fixture);
        var bytes = File.ReadAllBytes(snapshot);
        File.WriteAllBytes(snapshot, bytes[..(bytes.Length / 2)]);

        using var fresh = AgentArchive.Open(fixture.ArchivePath);
        var inputs = fresh.ReadSelectionInputs();

        AssertSame(expected, inputs);
        Assert.Equal(bytes, File.ReadAllBytes(snapshot));
    }

    [Fact]
    public async Task ReadSelectionInputs_SnapshotFromBeforeReindex_IsNotUsed()
    {
        using var fixture = new ArchiveFixture();
        await fixture.SeedAsync();
        await fixture.ChildAsync("1", 0.25, "seed");
        fixture.Archive.ReadSelectionInputs();
        var stale = File.ReadAllBytes(SnapshotPath(fixture));
        await fixture.Archive.UpdateEvaluationAsync("v0", ArchiveFixture.Evaluation(0, admitted: false), CancellationToken.None);
        fixture.Archive.Reindex();
        File.WriteAllBytes(SnapshotPath(fixture), stale);

        using var fresh = AgentArchive.Open(fixture.ArchivePath);

        Assert.Equal(["seed"], fresh.ReadSelectionInputs().Select(c => c.Id));
    }

    [Fact]
    public async Task ReadSelectionInputs_SnapshotCannotBeWritten_StillReadsTheIndex()
    {
        using var fixture = new ArchiveFixture();
        await fixture.SeedAsync();
        Directory.CreateDirectory(SnapshotPath(fixture));

        var inputs = fixture.Archive.ReadSelectionInputs();

        Assert.Equal(["seed"], inputs.Select(c => c.Id));
        Assert.Empty(Directory.GetFiles(fixture.ArchivePath, SelectionSnapshot.FileName + ".*.tmp"));
    }

    private static string SnapshotPath(ArchiveFixture fixture) => Path.Combine(fixture.ArchivePath, SelectionSnapshot.FileName);

    private static IReadOnlyList<ParentCandidate> Rebuilt(ArchiveFixture fixture)
    {
        File.Delete(SnapshotPath(fixture));
        using var archive = AgentArchive.Open(fixture.ArchivePath);
        return archive.ReadSelectionInputs();
    }

    private static void AssertSame(IReadOnlyList<ParentCandidate> expected, IReadOnlyList<ParentCandidate> actual) =>
        Assert.Equal(
            expected.Select(c => (c.Id, c.Score, c.Children, c.Generation, c.Outcomes.Codes, string.Join(",", c.Outcomes.TaskIds))),
            actual.Select(c => (c.Id, c.Score, c.Children, c.Generation, c.Outcomes.Codes, string.Join(",", c.Outcomes.TaskIds))));
}
