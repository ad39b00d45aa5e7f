using Evolver.Core;

namespace Evolver.Archive.Tests;

public sealed class QueryTests
{
    [Fact]
    public async Task ListVariants_SortByScoreDescendingAdmittedOnly_FiltersAndOrders()
    {
        using var fixture = new ArchiveFixture();
        await fixture.SeedAsync();
        await fixture.ChildAsync("a", 0.2, "seed");
        await fixture.ChildAsync("b", 0.8, "seed");
        await fixture.Archive.CommitVariantAsync(
            new VariantDraft { SourceDirectory = fixture.Source(("x", "y")), Parents = ["seed"], Evaluation = ArchiveFixture.Evaluation(0.9, admitted: false) },
            CancellationToken.None);

        var list = fixture.Archive.ListVariants(new VariantQuery { Sort = VariantSort.Score, Descending = true, AdmittedOnly = true });

        Assert.Equal(["v1", "v0", "seed"], list.Select(v => v.Id));
        Assert.Equal(["v2"], fixture.Archive.ListVariants(new VariantQuery { MinScore = 0.85 }).Select(v => v.Id));
        Assert.Equal(["seed"], fixture.Archive.ListVariants(new VariantQuery { Generation = 0 }).Select(v => v.Id));
        Assert.Equal(["seed"], fixture.Archive.ListVariants(new VariantQuery { Mutator = "seed" }).Select(v => v.Id));
        Assert.Equal(["v0"], fixture.Archive.ListVariants(new VariantQuery { Limit = 1 }).Select(v => v.Id));
    }

    [Fact]
    public async Task ListVariants_GeneratedIds_SortNumerically()
    {
        using var fixture = new ArchiveFixture();
        await fixture.Archive.AddSeedAsync(fixture.Source(("a", "a")), null, CancellationToken.None);
        for (var i = 0; i < 11; i++)
        {
            await fixture.ChildAsync(i.ToString(System.Globalization.CultureInfo.InvariantCulture), 0, "v0");
        }

        var ids = fixture.Archive.ListVariants().Select(v => v.Id).ToList();

        Assert.Equal(Enumerable.Range(0, 12).Select(i => "v" + i), ids);
        Assert.Equal(11, fixture.Archive.ListVariants().Single(v => v.Id == "v0").Children);
    }

    [Fact]
    public async Task ReadSelectionInputs_MixedVariants_ReturnsAdmittedWithChildrenAndOutcomes()
    {
        using var fixture = new ArchiveFixture();
        await fixture.SeedAsync();
        await fixture.Archive.UpdateEvaluationAsync(
            "seed", ArchiveFixture.Evaluation(0.5, true, ("t1", TaskOutcome.Resolved), ("t2", TaskOutcome.Unresolved)), CancellationToken.None);
        await fixture.Archive.CommitVariantAsync(
            new VariantDraft
            {
                SourceDirectory = fixture.Source(("a", "b")),
                Parents = ["seed"],
                Evaluation = ArchiveFixture.Evaluation(0.5, true, ("t3", TaskOutcome.Resolved), ("t2", TaskOutcome.TestTimeout)),
            },
            CancellationToken.None);
        await fixture.Archive.CommitVariantAsync(
            new VariantDraft { SourceDirectory = fixture.Source(("a", "c")), Parents = ["seed"], Evaluation = ArchiveFixture.Evaluation(0, admitted: false) },
            CancellationToken.None);

        var inputs = fixture.Archive.ReadSelectionInputs();

        Assert.Equal(["seed", "v0"], inputs.Select(c => c.Id));
        var seed = inputs.Single(c => c.Id == "seed");
        Assert.Equal((0.5, 2, 0), (seed.Score, seed.Children, seed.Generation));
        Assert.Equal(["t1"], seed.Outcomes.ResolvedTasks);
        var child = inputs.Single(c => c.Id == "v0");
        Assert.Equal(["t3"], child.Outcomes.ResolvedTasks);
        Assert.Equal(TaskOutcome.TestTimeout, child.Outcomes[child.Outcomes.TaskIds.ToList().IndexOf("t2")]);
        Assert.Null(child.Outcomes[child.Outcomes.TaskIds.ToList().IndexOf("t1")]);
    }

    [Fact]
    public async Task ReadSelectionInputs_AfterWritesHereAndInAnotherInstance_SeesEveryChange()
    {
        using var fixture = new ArchiveFixture();
        await fixture.SeedAsync();
        var first = fixture.Archive.ReadSelectionInputs();
        using var other = AgentArchive.Open(fixture.ArchivePath);
        await other.CommitVariantAsync(
            new VariantDraft { SourceDirectory = fixture.Source(("a", "1")), Parents = ["seed"], Evaluation = ArchiveFixture.Evaluation(0.5) },
            CancellationToken.None);
        await fixture.ChildAsync("2", 0.25, "v0");
        await other.UpdateEvaluationAsync("seed", ArchiveFixture.Evaluation(0, admitted: false), CancellationToken.None);

        var second = fixture.Archive.ReadSelectionInputs();
        fixture.Archive.Reindex();
        var afterRebuild = fixture.Archive.ReadSelectionInputs();

        Assert.Equal(["seed"], first.Select(c => c.Id));
        Assert.Equal([("v0", 1, 0.5), ("v1", 0, 0.25)], second.Select(c => (c.Id, c.Children, c.Score)));
        Assert.Equal(second, afterRebuild, (a, b) => (a.Id, a.Score, a.Children, a.Generation, a.Outcomes.Codes) == (b.Id, b.Score, b.Children, b.Generation, b.Outcomes.Codes));
    }

    [Fact]
    public async Task Diff_DefaultBase_IsAgainstFirstParent()
    {
        using var fixture = new ArchiveFixture();
        await fixture.SeedAsync();
        var child = await fixture.ChildAsync("class Agent { int x; }\n", 0.1, "seed");

        var diff = fixture.Archive.Diff(child.Id);

        Assert.Contains("--- a/Agent.cs", diff);
        Assert.Contains("-class Agent { }", diff);
        Assert.Contains("+class Agent { int x; }", diff);
    }

    [Fact]
    public async Task Diff_TwoVariants_GoesFromFirstToSecond()
    {
        using var fixture = new ArchiveFixture();
        await fixture.SeedAsync();
        var a = await fixture.ChildAsync("alpha\n", 0.1, "seed");
        var b = await fixture.ChildAsync("beta\n", 0.1, "seed");

        var diff = fixture.Archive.Diff(a.Id, b.Id);

        Assert.Contains("-alpha", diff);
        Assert.Contains("+beta", diff);
        Assert.DoesNotContain("class Agent", diff);
    }

    [Fact]
    public async Task Diff_Seed_ShowsWholeSourceAsAdded()
    {
        using var fixture = new ArchiveFixture();
        await fixture.SeedAsync();

        Assert.Contains("+class Agent { }", fixture.Archive.Diff("seed"));
    }

    [Fact]
    public async Task Lineage_DeepChain_ReturnsRootFirstWithScoreDeltas()
    {
        using var fixture = new ArchiveFixture();
        await fixture.SeedAsync();
        var parent = "seed";
        var scores = new[] { 0.25, 0.5, 0.25, 0.75 };
        foreach (var score in scores)
        {
            parent = (await fixture.ChildAsync(score.ToString(System.Globalization.CultureInfo.InvariantCulture), score, parent)).Id;
        }

        var lineage = fixture.Archive.Lineage(parent);

        Assert.Equal(["seed", "v0", "v1", "v2", "v3"], lineage.Select(s => s.Variant.Id));
        Assert.Equal([null, 0.25, 0.25, -0.25, 0.5], lineage.Select(s => s.ScoreDelta));
    }

    [Fact]
    public async Task Lineage_UnknownId_ThrowsNamingRef()
    {
        using var fixture = new ArchiveFixture();
        await fixture.SeedAsync();

        var error = Assert.Throws<ArchiveException>(() => fixture.Archive.Lineage("v99"));

        Assert.Contains("refs/evolver/variants/v99", error.Message);
    }

    [Fact]
    public async Task Tree_CrossoverChild_HangsUnderFirstParent()
    {
        using var fixture = new ArchiveFixture();
        await fixture.SeedAsync();
        var a = await fixture.ChildAsync("a", 0.1, "seed");
        var b = await fixture.ChildAsync("b", 0.1, "seed");
        await fixture.ChildAsync("ab", 0.1, b.Id, a.Id);
        await fixture.Archive.AddSeedAsync(fixture.Source(("other", "x")), "seed2", CancellationToken.None);

        var roots = fixture.Archive.Tree();

        Assert.Equal(["seed", "seed2"], roots.Select(r => r.Variant.Id));
        var seed = roots[0];
        Assert.Equal(["v0", "v1"], seed.Children.Select(c => c.Variant.Id));
        Assert.Empty(seed.Children[0].Children);
        Assert.Equal(["v2"], seed.Children[1].Children.Select(c => c.Variant.Id));
        Assert.Equal(["v1", "v0"], seed.Children[1].Children[0].Variant.Parents);
    }

    [Fact]
    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
    public async Task Export_Variant_WritesItsSourceWithModes()
    {
        using var fixture = new ArchiveFixture();
        var source = fixture.Source(("Agent.cs", "class A { }\n"), ("tools/run.sh", "#!/bin/sh\necho hi\n"));
        File.SetUnixFileMode(Path.Combine(source, "tools/run.sh"), (UnixFileMode)0b111_101_101);
        await fixture.Archive.AddSeedAsync(source, "seed", CancellationToken.None);
        var target = fixture.Temp.Sub("export");

        var files = fixture.Archive.Export("seed", target);

        Assert.Equal(2, files);
        Assert.Equal("class A { }\n", File.ReadAllText(Path.Combine(target, "Agent.cs")));
        Assert.Equal("#!/bin/sh\necho hi\n", File.ReadAllText(Path.Combine(target, "tools/run.sh")));
        Assert.True((File.GetUnixFileMode(Path.Combine(target, "tools/run.sh")) & UnixFileMode.UserExecute) != 0);
        Assert.True((File.GetUnixFileMode(Path.Combine(target, "Agent.cs")) & UnixFileMode.UserExecute) == 0);
    }

    [Fact]
    public async Task Export_NonEmptyTarget_ThrowsAndLeavesItAlone()
    {
        using var fixture = new ArchiveFixture();
        await fixture.SeedAsync();
        var target = fixture.Temp.Sub("export");
        Directory.CreateDirectory(target);
        File.WriteAllText(Path.Combine(target, "mine.txt"), "keep");

        Assert.Throws<ArchiveException>(() => fixture.Archive.Export("seed", target));

        Assert.Equal(["mine.txt"], Directory.GetFileSystemEntries(target).Select(Path.GetFileName));
    }
}
