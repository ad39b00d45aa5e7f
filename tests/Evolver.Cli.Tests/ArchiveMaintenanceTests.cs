using System.Text.Json.Nodes;
using Xunit;

namespace Evolver.Cli.Tests;

/// <summary><c>evolver archive reindex</c>, <c>fsck</c> and <c>clone</c> on a real git archive.</summary>
public sealed class ArchiveMaintenanceTests : IDisposable
{
    private readonly ArchiveTestBed bed = new();

    public void Dispose() => bed.Dispose();

    [Fact]
    public async Task Reindex_IndexDeleted_RebuildsItFromGitAlone()
    {
        await bed.InitAsync();
        await bed.AddChildAsync(["v0"], ArchiveTestBed.Evaluated(0.5));
        var before = (await bed.RunAsync("archive", "ls", "--json")).Out;
        foreach (var file in Directory.GetFiles(bed.ArchivePath, "index.sqlite*"))
        {
            File.Delete(file);
        }

        var run = await bed.RunAsync("archive", "reindex", "--json");

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Equal(2, JsonNode.Parse(run.Out)!["variants"]!.GetValue<int>());
        Assert.Equal(before, (await bed.RunAsync("archive", "ls", "--json")).Out);
        var text = await bed.RunAsync("archive", "reindex");
        Assert.Equal($"reindexed 2 variants in {bed.ArchivePath}", text.Out.Trim());
    }

    [Fact]
    public async Task Fsck_FreshArchive_ConsistentExitZero()
    {
        await bed.InitAsync();

        var run = await bed.RunAsync("archive", "fsck");

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Contains($"{bed.ArchivePath}: 1 variant, 0 findings, consistent", run.Out);
        var json = JsonNode.Parse((await bed.RunAsync("archive", "fsck", "--json")).Out)!;
        Assert.True(json["consistent"]!.GetValue<bool>());
        Assert.Empty(json["findings"]!.AsArray());
    }

    [Fact]
    public async Task Fsck_CorruptNote_ExitsOneNamingTheVariantEvenWithRepair()
    {
        await bed.InitAsync();
        await bed.AddChildAsync(["v0"], ArchiveTestBed.Evaluated(0.5));
        bed.CorruptNote("v1");

        var run = await bed.RunAsync("archive", "fsck", "--repair", "--json");

        Assert.True(run.ExitCode == 1, run.ToString());
        var json = JsonNode.Parse(run.Out)!;
        Assert.False(json["consistent"]!.GetValue<bool>());
        var finding = Assert.Single(json["findings"]!.AsArray(), f => f!["kind"]!.GetValue<string>() == "corrupt_note")!;
        Assert.Equal("v1", finding["subject"]!.GetValue<string>());
        Assert.False(finding["repaired"]!.GetValue<bool>());
        var text = await bed.RunAsync("archive", "fsck");
        Assert.True(text.ExitCode == 1, text.ToString());
        Assert.Matches(@"corrupt_note\s+v1\s+no", text.Out);
        Assert.Contains("error: the archive is inconsistent", text.Error);
    }

    [Fact]
    public async Task Fsck_OrphanNote_RepairRemovesItAndExitsZero()
    {
        await bed.InitAsync();
        var child = await bed.AddChildAsync(["v0"], ArchiveTestBed.Evaluated(0.5));

        // A writer that died between the note and the ref leaves this: a note on a commit no variant ref names.
        using (var repo = new LibGit2Sharp.Repository(bed.ArchivePath))
        {
            repo.Refs.Remove("refs/evolver/variants/" + child.Id);
        }

        var check = await bed.RunAsync("archive", "fsck");
        Assert.True(check.ExitCode == 1, check.ToString());
        Assert.Contains("'evolver archive fsck --repair'", check.Error);

        var repair = await bed.RunAsync("archive", "fsck", "--repair");

        Assert.True(repair.ExitCode == 0, repair.ToString());
        Assert.Matches(@"orphan_note\s+\S+\s+yes", repair.Out);
        Assert.Equal(0, (await bed.RunAsync("archive", "fsck")).ExitCode);
    }

    [Fact]
    public async Task Clone_LocalArchive_CopiesEveryVariantAndItsNote()
    {
        await bed.InitAsync();
        await bed.AddChildAsync(["v0"], ArchiveTestBed.Evaluated(0.5, description: "cloned along"));

        var run = await bed.RunAsync("archive", "clone", "evolver-archive", "copy");

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Contains($"cloned 2 variants from {bed.ArchivePath} into {bed.Work.Combine("copy")}", run.Out);
        var show = await bed.RunAsync("archive", "show", "v1", "--archive", "copy", "--json");
        Assert.True(show.ExitCode == 0, show.ToString());
        Assert.Equal("cloned along", JsonNode.Parse(show.Out)!["evaluation"]!["mutation_description"]!.GetValue<string>());
        Assert.Equal(0, (await bed.RunAsync("archive", "fsck", "--archive", "copy")).ExitCode);
    }

    [Fact]
    public async Task Clone_NotAnArchive_ExitsTwoAndLeavesNoFolder()
    {
        Directory.CreateDirectory(bed.Work.Combine("plain"));

        var run = await bed.RunAsync("archive", "clone", "plain", "copy");

        Assert.True(run.ExitCode == 2, run.ToString());
        Assert.Contains($"Cannot clone '{bed.Work.Combine("plain")}'", run.Error);
        Assert.False(Directory.Exists(bed.Work.Combine("copy")));
    }
}
