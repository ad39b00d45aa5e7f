using System.Text.Json.Nodes;
using Evolver.Core;
using Xunit;

namespace Evolver.Cli.Tests;

/// <summary>
/// The reading verbs of <c>evolver archive</c> on a real git archive: the repair seed (v0), an evaluated child v1 (0.25),
/// its child v2 (0.75), and a failed attempt v3 under v0.
/// </summary>
public sealed class ArchiveBrowseTests : IAsyncLifetime, IDisposable
{
    private readonly ArchiveTestBed bed = new();

    public async Task InitializeAsync()
    {
        await bed.InitAsync();
        await bed.AddChildAsync(["v0"], ArchiveTestBed.Evaluated(0.25, "llm", "Localise faults from tracebacks first"));
        await bed.AddChildAsync(["v1"], ArchiveTestBed.Evaluated(0.75, "gp", "swap two calls"));
        await bed.AddChildAsync(["v0"], ArchiveTestBed.CompileFailed());
    }

    public Task DisposeAsync() => Task.CompletedTask;

    public void Dispose() => bed.Dispose();

    [Fact]
    public async Task Ls_Default_TableOfEveryVariantWithParentsScoreChildrenStatusAndCost()
    {
        var run = await bed.RunAsync("archive", "ls");

        Assert.True(run.ExitCode == 0, run.ToString());
        var lines = run.Out.Split('\n');
        Assert.Contains(lines, l => l.Contains("id") && l.Contains("parents") && l.Contains("score") && l.Contains("children") && l.Contains("status") && l.Contains("cost"));
        Assert.Matches(@"v0\s+-\s+0\s+-\s+2\s+pending\s+\$0\.0000\s+seed\s+seed repair", run.Out);
        Assert.Matches(@"v1\s+v0\s+1\s+0\.250\s+1\s+evaluated\s+\$0\.2500\s+llm\s+Localise faults", run.Out);
        Assert.Matches(@"v3\s+v0\s+1\s+0\.000\s+0\s+✗ compile_failed, not admitted", run.Out);
        Assert.Contains("4 variants in " + bed.ArchivePath, run.Out);
    }

    [Fact]
    public async Task Ls_SortByScoreDescending_OrdersByScore()
    {
        var ids = await IdsAsync("--sort", "score", "--desc");

        Assert.Equal(["v2", "v1"], ids.Take(2));
        Assert.Equal(4, ids.Count);
    }

    [Theory]
    [InlineData("--status", "compile_failed", "v3")]
    [InlineData("--min-score", "0.5", "v2")]
    [InlineData("--generation", "2", "v2")]
    [InlineData("--mutator", "llm", "v1")]
    public async Task Ls_Filter_KeepsOnlyMatchingVariants(string option, string value, string expected)
    {
        Assert.Equal([expected], await IdsAsync(option, value));
    }

    [Fact]
    public async Task Ls_UnknownSortKey_ExitsTwoNamingTheChoices()
    {
        var run = await bed.RunAsync("archive", "ls", "--sort", "fitness");

        Assert.True(run.ExitCode == 2, run.ToString());
        Assert.Contains("fitness", run.Error);
        Assert.Contains("score", run.Error);
    }

    [Fact]
    public async Task Show_EvaluatedChild_PrintsRecordAndTasks()
    {
        var run = await bed.RunAsync("archive", "show", "v1");

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Matches(@"parents\s+v0", run.Out);
        Assert.Matches(@"score\s+0\.250 \(1/2 tasks resolved\)", run.Out);
        Assert.Contains("Localise faults from tracebacks first", run.Out);
        Assert.Matches(@"quixbugs-bitcount\s+0\s+unresolved\s+0\.0\s+1 FAIL_TO_PASS test still fails", run.Out);
    }

    [Fact]
    public async Task Show_Json_HoldsTheWholeEvaluationRecord()
    {
        var run = await bed.RunAsync("archive", "show", "v3", "--json");

        Assert.True(run.ExitCode == 0, run.ToString());
        var v3 = JsonNode.Parse(run.Out)!;
        Assert.Equal("v3", v3["id"]!.GetValue<string>());
        Assert.Equal(["v0"], v3["parents"]!.AsArray().Select(p => p!.GetValue<string>()));
        Assert.Equal(1, v3["generation"]!.GetValue<int>());
        var evaluation = v3["evaluation"]!;
        Assert.Equal("compile_failed", evaluation["status"]!.GetValue<string>());
        Assert.False(evaluation["admitted"]!.GetValue<bool>());
        Assert.Equal(["compile-error"], evaluation["flags"]!.AsArray().Select(f => f!.GetValue<string>()));
        Assert.StartsWith("compile-error: RepairAgent.cs:10:5", evaluation["diagnostics"]![0]!.GetValue<string>());
    }

    [Fact]
    public async Task Diff_OneId_IsTheChangeFromItsParent()
    {
        var run = await bed.RunAsync("archive", "diff", "v2");

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.StartsWith("diff --git a/RepairAgent.cs b/RepairAgent.cs", run.Out);
        Assert.Single(run.Out.Split('\n'), l => l.StartsWith("+// change ", StringComparison.Ordinal));
        Assert.DoesNotContain("\n-", run.Out.Replace("\n--- a/", "", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Diff_SeedAgainstGrandchild_Json_NamesBothEndsAndHoldsBothChanges()
    {
        var run = await bed.RunAsync("archive", "diff", "v0", "v2", "--json");

        Assert.True(run.ExitCode == 0, run.ToString());
        var diff = JsonNode.Parse(run.Out)!;
        Assert.Equal(("v0", "v2"), (diff["from"]!.GetValue<string>(), diff["to"]!.GetValue<string>()));
        Assert.Equal(2, diff["patch"]!.GetValue<string>().Split('\n').Count(l => l.StartsWith("+// change ", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task Diff_Seed_IsItsWholeSourceAgainstNothing()
    {
        var run = await bed.RunAsync("archive", "diff", "v0", "--json");

        var diff = JsonNode.Parse(run.Out)!;
        Assert.Null(diff["from"]);
        Assert.Contains("+++ b/RepairAgent.cs", diff["patch"]!.GetValue<string>());
        Assert.Contains("--- /dev/null", diff["patch"]!.GetValue<string>());
    }

    [Fact]
    public async Task Lineage_Grandchild_ChainFromSeedWithScoreChanges()
    {
        var run = await bed.RunAsync("archive", "lineage", "v2");

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Matches(@"0\s+v0\s+0\s+-\s+pending", run.Out);
        Assert.Matches(@"1\s+v1\s+1\s+0\.250\s+evaluated", run.Out);
        Assert.Matches(@"2\s+v2\s+2\s+0\.750\s+\+0\.500\s+evaluated", run.Out);
        var json = JsonNode.Parse((await bed.RunAsync("archive", "lineage", "v2", "--json")).Out)!.AsArray();
        Assert.Equal(["v0", "v1", "v2"], json.Select(s => s!["id"]!.GetValue<string>()));
        Assert.Equal(0.5, json[2]!["score_delta"]!.GetValue<double>(), 9);
        Assert.Null(json[1]!["score_delta"]);
    }

    [Fact]
    public async Task Tree_WholeArchive_NestsByFirstParentAndMarksFailedAttempts()
    {
        var run = await bed.RunAsync("archive", "tree");

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Contains($"{bed.ArchivePath}: 4 variants, 1 failed attempt", run.Out);
        var lines = run.Out.Split('\n').Where(l => l.Contains(" v", StringComparison.Ordinal)).ToList();
        int Depth(string id) => lines.Single(l => l.Contains($" {id}  score", StringComparison.Ordinal)).IndexOf(id, StringComparison.Ordinal);
        Assert.True(Depth("v0") < Depth("v1") && Depth("v1") < Depth("v2"), run.Out);
        Assert.Equal(Depth("v1"), Depth("v3") - 2);
        Assert.Contains(lines, l => l.Contains("✗ v3  score 0.000  compile_failed, not admitted  0 children", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.Contains("v0  score -  pending  2 children  [seed] seed repair", StringComparison.Ordinal));
        var json = JsonNode.Parse((await bed.RunAsync("archive", "tree", "--json")).Out)!.AsArray();
        var root = Assert.Single(json)!;
        Assert.Equal(["v1", "v3"], root["subtree"]!.AsArray().Select(n => n!["id"]!.GetValue<string>()));
        Assert.Equal("v2", root["subtree"]![0]!["subtree"]![0]!["id"]!.GetValue<string>());
    }

    [Fact]
    public async Task Export_Variant_WritesItsSourceAsArchived()
    {
        var run = await bed.RunAsync("archive", "export", "v1", "out", "--json");

        Assert.True(run.ExitCode == 0, run.ToString());
        var export = JsonNode.Parse(run.Out)!;
        var files = Directory.GetFiles(bed.Work.Combine("out"), "*", SearchOption.AllDirectories);
        Assert.Equal(files.Length, export["files"]!.GetValue<int>());
        var seed = ArchiveTestBed.Seed("repair");
        Assert.Equal(
            Directory.GetFiles(seed, "*", SearchOption.AllDirectories).Count(f => !IsBuildOutput(seed, f)),
            files.Length);
        var agent = await File.ReadAllTextAsync(bed.Work.Combine("out", "RepairAgent.cs"));
        Assert.StartsWith(await File.ReadAllTextAsync(Path.Combine(seed, "RepairAgent.cs")), agent);
        Assert.Matches(@"// change [0-9a-f]{32}\n$", agent);
    }

    [Fact]
    public async Task Export_IntoNonEmptyFolder_ExitsTwoAndLeavesItAlone()
    {
        Directory.CreateDirectory(bed.Work.Combine("out"));
        await File.WriteAllTextAsync(bed.Work.Combine("out", "keep.txt"), "keep");

        var run = await bed.RunAsync("archive", "export", "v1", "out");

        Assert.True(run.ExitCode == 2, run.ToString());
        Assert.Contains("is not empty", run.Error);
        Assert.Equal(["keep.txt"], Directory.GetFileSystemEntries(bed.Work.Combine("out")).Select(Path.GetFileName));
    }

    private static bool IsBuildOutput(string root, string file) =>
        Path.GetRelativePath(root, file).Split(Path.DirectorySeparatorChar) is var parts && parts.Any(p => p is "bin" or "obj" or ".git");

    private async Task<IReadOnlyList<string>> IdsAsync(params string[] args)
    {
        var run = await bed.RunAsync(["archive", "ls", "--json", .. args]);
        Assert.True(run.ExitCode == 0, run.ToString());
        return [.. JsonNode.Parse(run.Out)!.AsArray().Select(v => v!["id"]!.GetValue<string>())];
    }
}
