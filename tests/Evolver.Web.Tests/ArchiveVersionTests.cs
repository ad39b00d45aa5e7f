using Evolver.Archive;
using Evolver.Cli.Tests;
using LibGit2Sharp;
using Xunit;

namespace Evolver.Web.Tests;

/// <summary>The live-refresh fingerprint on a real archive: steady while nothing is written, moved by every kind of write.</summary>
[Collection(LineageCollection.Name)]
public sealed class ArchiveVersionTests(LineageFixture fixture) : IDisposable
{
    private readonly TempDirectory work = new("evolver-web-version");

    public void Dispose() => work.Dispose();

    [Fact]
    public async Task Read_EachWrite_Moves()
    {
        var path = work.Combine("archive");
        AgentArchive.Clone(fixture.Archive.Path, path).Dispose();
        var seen = new List<string> { ArchiveVersion.Read(path) };
        Assert.Equal(seen[0], ArchiveVersion.Read(path));

        using (var archive = AgentArchive.Open(path))
        {
            // A new evaluation record (the notes ref moves).
            var v1 = archive.GetVariant("v1");
            await archive.UpdateEvaluationAsync("v1", v1.Evaluation with { MutationDescription = "edited" }, CancellationToken.None);
            seen.Add(ArchiveVersion.Read(path));

            // The run state.
            using var run = RunStore.Open(archive);
            await run.WriteRunStateAsync("{}", CancellationToken.None);
            seen.Add(ArchiveVersion.Read(path));
        }

        // A variant evicted by deleting its ref alone.
        using (var repo = new Repository(path))
        {
            repo.Refs.Remove("refs/evolver/variants/v2");
        }

        seen.Add(ArchiveVersion.Read(path));
        Assert.Equal(seen.Count, seen.Distinct().Count());
    }
}
