using System.Text.Json.Nodes;
using LibGit2Sharp;
using Xunit;

namespace Evolver.Cli.Tests;

/// <summary><c>evolver mutate --mutator gp</c> on an archive made by <c>evolver init --seed repair</c>: real seed, real Roslyn, real git.</summary>
[Collection(MutateCollection.Name)]
public sealed class MutateGpTests : IAsyncLifetime, IDisposable
{
    private readonly ArchiveTestBed bed = new();

    public Task InitializeAsync() => bed.InitAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    public void Dispose() => bed.Dispose();

    [Fact]
    public async Task Mutate_GpOnSeed_ArchivesAValidatedChildWhoseParentCommitIsTheSeed()
    {
        var tempBefore = MutateCollection.TempFolders();

        var run = await bed.RunAsync("mutate", "--parent", "v0", "--mutator", "gp", "--seed", "7", "--json");

        Assert.True(run.ExitCode == 0, run.ToString());
        var result = JsonNode.Parse(run.Out)!;
        Assert.Equal("v1", result["id"]!.GetValue<string>());
        Assert.True(result["valid"]!.GetValue<bool>());
        Assert.True(result["validation"]!["valid"]!.GetValue<bool>());
        Assert.Equal("pending", result["status"]!.GetValue<string>());
        Assert.False(result["admitted"]!.GetValue<bool>());
        Assert.Equal(1, result["generation"]!.GetValue<int>());
        Assert.False(string.IsNullOrWhiteSpace(result["description"]!.GetValue<string>()));
        Assert.Equal(tempBefore, MutateCollection.TempFolders());

        // In git: the child's only parent commit is the seed's commit, and its tree differs from it.
        using (var repo = new Repository(bed.ArchivePath))
        {
            var seed = repo.Refs["refs/evolver/variants/v0"]!.ResolveToDirectReference().Target.Sha;
            var child = repo.Lookup<Commit>(result["commit"]!.GetValue<string>());
            Assert.Equal(seed, Assert.Single(child.Parents).Sha);
            Assert.NotEqual(child.Parents.Single().Tree.Sha, child.Tree.Sha);
        }

        Assert.StartsWith("diff --git ", (await bed.RunAsync("archive", "diff", "v1")).Out);
        var tree = await bed.RunAsync("archive", "tree");
        var lines = tree.Out.Split('\n');
        var seedLine = Array.FindIndex(lines, l => l.Contains("v0  score -  pending  1 child  [seed] seed repair", StringComparison.Ordinal));
        Assert.True(seedLine >= 0, tree.ToString());
        Assert.Contains("v1  score -  pending, not admitted  0 children  [gp] ", lines[seedLine + 1]);
        Assert.True(lines[seedLine + 1].IndexOf("v1", StringComparison.Ordinal) > lines[seedLine].IndexOf("v0", StringComparison.Ordinal));
        var lineage = JsonNode.Parse((await bed.RunAsync("archive", "lineage", "v1", "--json")).Out)!.AsArray();
        Assert.Equal(["v0", "v1"], lineage.Select(s => s!["id"]!.GetValue<string>()));
        Assert.Equal(0, (await bed.RunAsync("archive", "fsck")).ExitCode);
    }

    [Fact]
    public async Task Mutate_GpSameSeedTwice_GivesTheSameCode()
    {
        Assert.Equal(0, (await bed.RunAsync("mutate", "--parent", "v0", "--mutator", "gp", "--seed", "11")).ExitCode);
        Assert.Equal(0, (await bed.RunAsync("mutate", "--parent", "v0", "--mutator", "gp", "--seed", "11")).ExitCode);

        var diff = await bed.RunAsync("archive", "diff", "v1", "v2");

        Assert.True(diff.ExitCode == 0, diff.ToString());
        Assert.Equal("", diff.Out);
        Assert.Contains("no code change from v1 to v2", diff.Error);
    }

    [Fact]
    public async Task Mutate_GpTwoParents_ArchivesACrossoverChildWithBothParentCommits()
    {
        Assert.Equal(0, (await bed.RunAsync("mutate", "--parent", "v0", "--mutator", "gp", "--seed", "1")).ExitCode);
        Assert.Equal(0, (await bed.RunAsync("mutate", "--parent", "v0", "--mutator", "gp", "--seed", "2")).ExitCode);

        var run = await bed.RunAsync("mutate", "--parent", "v1", "--parent", "v2", "--mutator", "gp", "--seed", "3", "--json");

        Assert.True(run.ExitCode is 0 or 1, run.ToString());
        var result = JsonNode.Parse(run.Out)!;
        Assert.Equal(["v1", "v2"], result["parents"]!.AsArray().Select(p => p!.GetValue<string>()));
        Assert.Equal(2, result["generation"]!.GetValue<int>());
        using (var repo = new Repository(bed.ArchivePath))
        {
            var commit = repo.Lookup<Commit>(result["commit"]!.GetValue<string>());
            Assert.Equal(
                new[] { "v1", "v2" }.Select(id => repo.Refs["refs/evolver/variants/" + id]!.ResolveToDirectReference().Target.Sha),
                commit.Parents.Select(p => p.Sha));
        }

        Assert.Contains("crossover with v2", (await bed.RunAsync("archive", "tree")).Out);
    }
}
