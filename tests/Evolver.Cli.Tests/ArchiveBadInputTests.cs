using System.Text.Json.Nodes;
using Xunit;

namespace Evolver.Cli.Tests;

/// <summary>Bad input to <c>evolver archive</c>: a clear error naming the culprit, exit 2, and nothing lost.</summary>
public sealed class ArchiveBadInputTests : IDisposable
{
    private readonly ArchiveTestBed bed = new();

    public void Dispose() => bed.Dispose();

    [Theory]
    [InlineData("ls")]
    [InlineData("tree")]
    [InlineData("fsck")]
    [InlineData("reindex")]
    public async Task Verb_FolderIsNotAGitRepository_ExitsTwoNamingIt(string verb)
    {
        Directory.CreateDirectory(bed.Work.Combine("plain"));

        var run = await bed.RunAsync("archive", verb, "--archive", "plain");

        Assert.True(run.ExitCode == 2, run.ToString());
        Assert.Contains($"'{bed.Work.Combine("plain")}' is not an Evolver archive: it is not a git repository", run.Error);
        Assert.Empty(Directory.GetFileSystemEntries(bed.Work.Combine("plain")));
    }

    [Fact]
    public async Task Ls_NoArchiveHere_ExitsTwoNamingTheDefaultFolder()
    {
        var run = await bed.RunAsync("archive", "ls");

        Assert.True(run.ExitCode == 2, run.ToString());
        Assert.Contains($"'{bed.ArchivePath}' is not an Evolver archive: the folder does not exist", run.Error);
    }

    [Fact]
    public async Task Ls_PlainGitRepository_ExitsTwoSayingItIsNoArchive()
    {
        LibGit2Sharp.Repository.Init(bed.Work.Combine("repo"));

        var run = await bed.RunAsync("archive", "ls", "--archive", "repo");

        Assert.True(run.ExitCode == 2, run.ToString());
        Assert.Contains(bed.Work.Combine("repo"), run.Error);
        Assert.Contains("not an Evolver archive", run.Error);
    }

    [Theory]
    [InlineData("show")]
    [InlineData("lineage")]
    [InlineData("diff")]
    [InlineData("export")]
    public async Task Verb_UnknownId_ExitsTwoNamingTheVariantRef(string verb)
    {
        await bed.InitAsync();
        string[] args = verb == "export" ? ["archive", verb, "v42", "out"] : ["archive", verb, "v42"];

        var run = await bed.RunAsync(args);

        Assert.True(run.ExitCode == 2, run.ToString());
        Assert.Contains("'v42'", run.Error);
        Assert.Contains(bed.ArchivePath, run.Error);
        Assert.False(Directory.Exists(bed.Work.Combine("out")));
    }

    [Fact]
    public async Task Show_CorruptNote_ExitsTwoNamingVariantAndNoteWhileTheRestStaysReadable()
    {
        await bed.InitAsync();
        await bed.AddChildAsync(["v0"], ArchiveTestBed.Evaluated(0.5));
        bed.CorruptNote("v1");

        var run = await bed.RunAsync("archive", "show", "v1");

        Assert.True(run.ExitCode == 2, run.ToString());
        Assert.Contains("v1", run.Error);
        Assert.Contains("note", run.Error);
        Assert.DoesNotContain("   at ", run.All);

        // Nothing is lost: the variant is still listed (with its problem), its code exports, and its sibling reads fine.
        var ls = await bed.RunAsync("archive", "ls");
        Assert.True(ls.ExitCode == 0, ls.ToString());
        Assert.Contains("warning: v1: ", ls.Error);
        var listed = JsonNode.Parse((await bed.RunAsync("archive", "ls", "--json")).Out)!.AsArray();
        Assert.NotNull(listed.Single(v => v!["id"]!.GetValue<string>() == "v1")!["issue"]);
        Assert.Equal(0, (await bed.RunAsync("archive", "export", "v1", "out")).ExitCode);
        Assert.True(File.Exists(bed.Work.Combine("out", "RepairAgent.cs")));
        Assert.Equal(0, (await bed.RunAsync("archive", "show", "v0")).ExitCode);
    }
}
