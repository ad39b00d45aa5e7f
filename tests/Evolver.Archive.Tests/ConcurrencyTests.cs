using Evolver.Core;

namespace Evolver.Archive.Tests;

public sealed class ConcurrencyTests
{
    private const int Threads = 4;
    private const int Processes = 2;
    private const int PerWriter = 15;

    [Fact]
    public async Task CommitVariantAsync_ThreadsAndProcessesAtOnce_LosesNoWrite()
    {
        using var fixture = new ArchiveFixture();
        await fixture.SeedAsync();
        var writers = Enumerable.Range(0, Processes)
            .Select(p => new WriterProcess(fixture.ArchivePath, fixture.Temp.Sub("proc" + p), PerWriter, "proc" + p))
            .ToList();
        try
        {
            // Half the threads share the fixture's instance, half open their own: both paths must serialise.
            var threads = Enumerable.Range(0, Threads).Select(t => Task.Run(() => WriteAsync(fixture, t, own: t % 2 == 1))).ToList();
            var fromThreads = (await Task.WhenAll(threads)).SelectMany(ids => ids).ToList();
            var exits = await Task.WhenAll(writers.Select(w => w.ExitAsync()));

            Assert.All(exits, e => Assert.True(e.Code == 0, e.Errors));
            var fromProcesses = writers.SelectMany(w => w.Committed).ToList();
            Assert.Equal(Threads * PerWriter, fromThreads.Count);
            Assert.Equal(Processes * PerWriter, fromProcesses.Count);
            var all = fromThreads.Concat(fromProcesses).ToList();
            Assert.Equal(all.Count, all.Distinct().Count());
            fixture.Reopen();
            var listed = fixture.Archive.ListVariants().Select(v => v.Id).ToHashSet();
            Assert.Equal(1 + all.Count, listed.Count);
            Assert.Subset(listed, all.ToHashSet());
            var report = fixture.Archive.Fsck(repair: false);
            Assert.Empty(report.Findings);
            Assert.Equal(1 + all.Count, report.Variants);
            Assert.Equal(all.Count, fixture.Archive.ListVariants().Sum(v => v.Children));
        }
        finally
        {
            writers.ForEach(w => w.Dispose());
        }
    }

    private static async Task<List<string>> WriteAsync(ArchiveFixture fixture, int thread, bool own)
    {
        using var opened = own ? AgentArchive.Open(fixture.ArchivePath) : null;
        var archive = opened ?? fixture.Archive;
        var random = new Random(thread);
        var ids = new List<string>();
        for (var i = 0; i < PerWriter; i++)
        {
            var candidates = archive.ReadSelectionInputs();
            var parent = candidates[random.Next(candidates.Count)].Id;
            var record = await archive.CommitVariantAsync(
                new VariantDraft
                {
                    SourceDirectory = fixture.Source(("Agent.cs", $"// thread {thread} #{i}\n")),
                    Parents = [parent],
                    Evaluation = ArchiveFixture.Evaluation(random.NextDouble(), true, ("t" + random.Next(3), TaskOutcome.Resolved)),
                },
                CancellationToken.None);
            ids.Add(record.Id);
        }

        return ids;
    }
}
