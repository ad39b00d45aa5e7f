using Evolver.Core;
using LibGit2Sharp;

namespace Evolver.Archive.Tests;

public sealed class LogsTests
{
    [Fact]
    public async Task CommitVariantAsync_WithLogs_KeepsThemOutOfTheSourceAndExportsThem()
    {
        using var fixture = new ArchiveFixture();
        await fixture.SeedAsync();
        var logs = fixture.Source(("llm/exchange-1.json", "{\"prompt\":\"p\"}"), ("tasks/t1.log", "agent output"));

        var variant = await fixture.Archive.CommitVariantAsync(
            new VariantDraft { SourceDirectory = fixture.Source(("Agent.cs", "x")), Parents = ["seed"], Evaluation = ArchiveFixture.Evaluation(0.5), LogsDirectory = logs },
            CancellationToken.None);
        var target = fixture.Temp.Sub("logs-out");
        var files = fixture.Archive.ExportLogs(variant.Id, target);

        Assert.Equal(2, files);
        Assert.Equal("agent output", File.ReadAllText(Path.Combine(target, "tasks/t1.log")));
        Assert.Equal(variant.Logs, fixture.Archive.GetVariant(variant.Id).Logs);
        using var repo = new Repository(fixture.ArchivePath);
        Assert.Equal(variant.Logs, repo.Refs["refs/evolver/logs/" + variant.Id].TargetIdentifier);
        Assert.Equal(["Agent.cs"], repo.Lookup<Commit>(variant.Commit).Tree.Select(e => e.Name));
        Assert.Empty(fixture.Archive.Fsck(repair: false).Findings);
    }

    [Fact]
    public async Task ExportLogs_VariantWithoutLogs_ThrowsNamingIt()
    {
        using var fixture = new ArchiveFixture();
        await fixture.SeedAsync();

        var error = Assert.Throws<ArchiveException>(() => fixture.Archive.ExportLogs("seed", fixture.Temp.Sub("out")));

        Assert.Contains("'seed'", error.Message);
        Assert.False(Directory.Exists(fixture.Temp.Sub("out")));
    }

    [Fact]
    public async Task Fsck_LogsRefDeletedOrLeftByDeadWriter_RepairsBoth()
    {
        using var fixture = new ArchiveFixture();
        var seed = await fixture.SeedAsync();
        var variant = await fixture.Archive.CommitVariantAsync(
            new VariantDraft { SourceDirectory = fixture.Source(("A.cs", "a")), Parents = ["seed"], Evaluation = ArchiveFixture.Evaluation(0.1), LogsDirectory = fixture.Source(("l.txt", "l")) },
            CancellationToken.None);
        using (var repo = new Repository(fixture.ArchivePath))
        {
            repo.Refs.Remove("refs/evolver/logs/" + variant.Id);
            repo.Refs.Add("refs/evolver/logs/v77", new ObjectId(seed.Commit));
        }

        var report = fixture.Archive.Fsck(repair: true);

        Assert.Equal(
            [(FsckFindingKind.OrphanLogsRef, "refs/evolver/logs/v77"), (FsckFindingKind.MissingLogsRef, "refs/evolver/logs/" + variant.Id)],
            report.Findings.Select(f => (f.Kind, f.Subject)));
        Assert.True(report.IsConsistent);
        Assert.Empty(fixture.Archive.Fsck(repair: false).Findings);
        Assert.Equal(1, fixture.Archive.ExportLogs(variant.Id, fixture.Temp.Sub("out")));
    }
}
