using Xunit.Abstractions;

namespace Evolver.Archive.Tests;

public sealed class CrashTests(ITestOutputHelper output)
{
    private const int Kills = 30;

    // What a writer killed mid-commit may leave; everything else would be a half variant or a lost write.
    private static readonly HashSet<FsckFindingKind> CrashDebris =
    [
        FsckFindingKind.StaleLockFile,
        FsckFindingKind.OrphanNote,
        FsckFindingKind.OrphanLogsRef,
        FsckFindingKind.IndexMissingRow,
        FsckFindingKind.IndexStaleRow,
        FsckFindingKind.IndexOutOfDate,
    ];

    [Fact]
    public async Task CommitVariantAsync_WriterKilledAtRandomPoints_FsckRepairsAndNothingReportedIsLost()
    {
        using var fixture = new ArchiveFixture();
        await fixture.SeedAsync();
        fixture.Archive.Dispose();
        var random = new Random(20250101);
        var reported = new HashSet<string>();
        var debris = new Dictionary<FsckFindingKind, int>();
        for (var round = 0; round < Kills; round++)
        {
            using (var writer = new WriterProcess(fixture.ArchivePath, fixture.Temp.Sub("work" + round), 1_000_000, "round" + round))
            {
                await writer.Ready.WaitAsync(TimeSpan.FromMinutes(1));
                await Task.Delay(random.Next(0, 1500));
                await writer.KillAsync();
                reported.UnionWith(writer.Committed);
            }

            // Every other round the next writer starts on the debris itself, without fsck first.
            if (round % 2 == 0 && round != Kills - 1)
            {
                continue;
            }

            using var archive = AgentArchive.Open(fixture.ArchivePath);
            var found = archive.Fsck(repair: false);
            Assert.All(found.Findings, f => Assert.True(CrashDebris.Contains(f.Kind), $"round {round}: {f.Kind} {f.Subject}: {f.Message}"));
            foreach (var kind in found.Findings.Select(f => f.Kind))
            {
                debris[kind] = debris.GetValueOrDefault(kind) + 1;
            }

            Assert.True(archive.Fsck(repair: true).IsConsistent);
            Assert.Empty(archive.Fsck(repair: false).Findings);
            AssertComplete(archive, reported);
        }

        output.WriteLine($"{reported.Count} variants reported over {Kills} kills; crash debris found: "
            + string.Join(", ", debris.Select(d => $"{d.Key} x{d.Value}")));
        Assert.True(reported.Count > Kills, $"only {reported.Count} commits in {Kills} rounds: the writer barely ran");
    }

    private static void AssertComplete(AgentArchive archive, HashSet<string> reported)
    {
        var listed = archive.ListVariants();
        var ids = listed.Select(v => v.Id).ToHashSet();
        Assert.Subset(ids, reported);
        Assert.All(listed, v => Assert.Null(v.Issue));
        Assert.Equal(archive.Fsck(repair: false).Variants, listed.Count);
        foreach (var id in reported)
        {
            Assert.Equal(id, archive.GetVariant(id).Id);
        }
    }
}
