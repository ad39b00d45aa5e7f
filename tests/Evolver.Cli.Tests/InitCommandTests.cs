using System.Text.Json.Nodes;
using Xunit;

namespace Evolver.Cli.Tests;

/// <summary><c>evolver init</c> on the real seeds in archive/seeds.</summary>
public sealed class InitCommandTests : IDisposable
{
    private readonly ArchiveTestBed bed = new();

    public void Dispose() => bed.Dispose();

    [Fact]
    public async Task Init_RepairSeed_ArchivesItAsGenerationZeroPendingAndAdmitted()
    {
        var run = await bed.RunAsync("init", "evolver-archive", "--seed", "repair");

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Contains("seed repair archived as v0", run.Out);
        var ls = await bed.RunAsync("archive", "ls", "--json");
        Assert.True(ls.ExitCode == 0, ls.ToString());
        var v0 = Assert.Single(JsonNode.Parse(ls.Out)!.AsArray())!;
        Assert.Equal("v0", v0["id"]!.GetValue<string>());
        Assert.Empty(v0["parents"]!.AsArray());
        Assert.Equal(0, v0["generation"]!.GetValue<int>());
        Assert.Equal("pending", v0["status"]!.GetValue<string>());
        Assert.True(v0["admitted"]!.GetValue<bool>());
        Assert.Equal("seed", v0["mutator"]!.GetValue<string>());
        Assert.Equal("seed repair", v0["summary"]!.GetValue<string>());
        Assert.Matches("^[0-9a-f]{40}$", v0["commit"]!.GetValue<string>());
    }

    [Fact]
    public async Task Init_TwoSeedsOneByPath_ArchivesBothAsRoots()
    {
        var run = await bed.RunAsync("init", "--seed", "repair", "--seed", ArchiveTestBed.Seed("coder"));

        Assert.True(run.ExitCode == 0, run.ToString());
        var ls = JsonNode.Parse((await bed.RunAsync("archive", "ls", "--json")).Out)!.AsArray();
        Assert.Equal(["seed repair", "seed coder"], ls.Select(v => v!["summary"]!.GetValue<string>()));
        Assert.All(ls, v => Assert.Equal(0, v!["generation"]!.GetValue<int>()));
    }

    [Fact]
    public async Task Init_UnknownSeed_ExitsTwoListingTheSeedsAndCreatesNothing()
    {
        var run = await bed.RunAsync("init", "evolver-archive", "--seed", "no-such-seed");

        Assert.True(run.ExitCode == 2, run.ToString());
        Assert.Contains("unknown seed 'no-such-seed'", run.Error);
        Assert.Contains("coder, repair", run.Error);
        Assert.Contains(Path.Combine(TestPaths.RepoRoot, "archive", "seeds"), run.Error);
        Assert.False(Directory.Exists(bed.ArchivePath));
    }

    [Fact]
    public async Task Init_FolderNotEmpty_ExitsTwoAndLeavesItsFilesAlone()
    {
        Directory.CreateDirectory(bed.ArchivePath);
        var precious = Path.Combine(bed.ArchivePath, "notes.txt");
        await File.WriteAllTextAsync(precious, "mine");

        var run = await bed.RunAsync("init", "evolver-archive", "--seed", "repair");

        Assert.True(run.ExitCode == 2, run.ToString());
        Assert.Contains($"'{bed.ArchivePath}' is not empty", run.Error);
        Assert.Equal(["notes.txt"], Directory.GetFileSystemEntries(bed.ArchivePath).Select(Path.GetFileName));
        Assert.Equal("mine", await File.ReadAllTextAsync(precious));
    }

    [Fact]
    public async Task Init_ExistingArchive_ExitsTwoAndKeepsItsVariants()
    {
        await bed.InitAsync();

        var run = await bed.RunAsync("init", "evolver-archive", "--seed", "coder");

        Assert.True(run.ExitCode == 2, run.ToString());
        Assert.Contains("already holds a git repository", run.Error);
        var ls = JsonNode.Parse((await bed.RunAsync("archive", "ls", "--json")).Out)!.AsArray();
        Assert.Equal("seed repair", Assert.Single(ls)!["summary"]!.GetValue<string>());
    }
}
