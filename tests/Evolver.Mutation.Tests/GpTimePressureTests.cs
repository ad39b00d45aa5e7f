using System.Globalization;
using Evolver.Core;
using Evolver.Mutation.Tests.Llm;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Xunit;

namespace Evolver.Mutation.Tests;

/// <summary>The directed constant operator: a parent that lost tasks near its time limit gets a time knob shrunk.</summary>
public sealed class GpTimePressureTests : IDisposable
{
    private readonly TempDirectory dir = new();
    private readonly AgentValidator validator = new(new ValidationOptions(), new AgentBuilderOptions(), TimeProvider.System);

    public void Dispose() => dir.Dispose();

    [Fact]
    public void Shrinks_PositiveValues_HalfQuarterAndEighthDistinct()
    {
        Assert.Equal([4, 2, 1], GpTimePressure.Shrinks(8));
        Assert.Equal([2, 1, 0], GpTimePressure.Shrinks(5));
        Assert.Equal([1, 0], GpTimePressure.Shrinks(3));
        Assert.Equal([0], GpTimePressure.Shrinks(1));
        Assert.Equal([40L, 20L, 10L], GpTimePressure.Shrinks(80L));
        Assert.Equal([0.25, 0.125, 0.0625], GpTimePressure.Shrinks(0.5));
        Assert.Empty(GpTimePressure.Shrinks(0));
        Assert.Empty(GpTimePressure.Shrinks(-4));
        Assert.Empty(GpTimePressure.Shrinks("8"));
    }

    [Fact]
    public void LostNearLimit_CountsUnresolvedTasksAtThreeQuartersOfTheLimitOrMore()
    {
        var record = Record(("a", false, 50), ("b", false, 44.9), ("c", true, 58), ("d", false, 45), ("e", false, 3));
        Assert.Equal(2, GpTimePressure.LostNearLimit(record, 60)); // a (50 s) and d (45 s = 0.75 x 60)
        Assert.Equal(0, GpTimePressure.LostNearLimit(record, 300));
        Assert.Equal(0, GpTimePressure.LostNearLimit(null, 60));
    }

    [Theory]
    [InlineData("private const int QuickTestSeconds = 8;", true)]
    [InlineData("private static readonly TimeSpan Reserve = TimeSpan.FromSeconds(8);", true)]
    [InlineData("private static readonly int timeoutMs = 300;", true)]
    [InlineData("private const int MaxLines = 80;", false)]
    [InlineData("private static readonly double Estimate = 2.0;", false)]
    [InlineData("private readonly TimeSpan wait = TimeSpan.FromSeconds(8);", false)]
    [InlineData("private int delaySeconds = 8;", false)]
    public void IsTimeKnob_Declaration_TrueForTunableConstantsNamedForTimeOrTimeSpans(string member, bool expected)
    {
        var root = CSharpSyntaxTree.ParseText($"class C {{ {member} }}").GetRoot();
        var literal = root.DescendantNodes().OfType<LiteralExpressionSyntax>().Single();
        Assert.Equal(expected, GpTimePressure.IsTimeKnob(literal));
    }

    [Fact]
    public async Task MutateAsync_ParentLostTasksNearTheLimit_ShrinksATimeKnobOfTheRepairSeed()
    {
        var mutator = new GpMutator(new GpMutatorOptions { MaxOperators = 1 }, validator, new AgentBuilderOptions());
        var repair = SeedPaths.Seed("repair");
        var record = Record(("kheapsort", false, 49.2), ("gcd", true, 2.6), ("kth", false, 2.7));
        var touched = new HashSet<string>(StringComparer.Ordinal);
        for (var seed = 0; seed < 12; seed++)
        {
            var result = await mutator.MutateAsync(Request(repair, record, "60", $"s{seed}", seed), CancellationToken.None);
            Assert.True(result.Succeeded, result.Reason);
            Assert.StartsWith($"gp (seed {seed}):\n- constant (time knob: the parent lost 1 task(s) near its 60 s limit) at ", result.Description, StringComparison.Ordinal);

            var file = result.Description.Split(" limit) at ")[1].Split(':')[0];
            var (before, after) = ChangedLine(Path.Combine(repair, file), Path.Combine(result.ChildDirectory!, file));
            Assert.True(before.Contains("Seconds", StringComparison.Ordinal) || before.Contains("TimeSpan", StringComparison.Ordinal), before);
            Assert.True(Number(after) < Number(before), $"{before} -> {after}");
            touched.Add(before.Trim());
        }

        // Six time knobs in the seed (three *Seconds consts, Reserve, MinimumSearch, FirstEstimate); twelve draws reach several.
        Assert.True(touched.Count >= 3, string.Join("\n", touched));
    }

    [Fact]
    public async Task MutateAsync_NoTaskLostNearTheLimit_DrawsFromEveryConstantAsBefore()
    {
        var mutator = new GpMutator(new GpMutatorOptions { MaxOperators = 1 }, validator, new AgentBuilderOptions());
        var repair = SeedPaths.Seed("repair");
        var record = Record(("kheapsort", true, 49.2), ("kth", false, 2.7));
        var plain = await mutator.MutateAsync(Request(repair, record, "60", "plain", 4), CancellationToken.None);
        var none = await mutator.MutateAsync(Request(repair, null, null, "none", 4), CancellationToken.None);

        Assert.True(plain.Succeeded, plain.Reason);
        Assert.StartsWith("gp (seed 4):\n- constant at ", plain.Description, StringComparison.Ordinal);
        Assert.Equal(none.Description, plain.Description);
    }

    [Fact]
    public void KnobName_RepairSeedTimeKnobs_AreTheNamesItsProfileReports()
    {
        // The seed names its profile entries with nameof(Type).nameof(Member); gp must see the same names.
        var names = Directory.GetFiles(SeedPaths.Seed("repair"), "*.cs")
            .SelectMany(f => CSharpSyntaxTree.ParseText(File.ReadAllText(f)).GetRoot().DescendantNodes().OfType<LiteralExpressionSyntax>())
            .Where(l => l.IsKind(SyntaxKind.NumericLiteralExpression) && GpTimePressure.IsTimeKnob(l))
            .Select(GpTimePressure.KnobName)
            .ToHashSet();

        Assert.Equal(
            new HashSet<string>
            {
                "PytestRunner.QuickTestSeconds", "PytestRunner.BaselineTestSeconds", "PytestRunner.FullTestSeconds",
                "SearchBudget.Reserve", "RepairAgent.MinimumSearch", "SequentialSearch.FirstEstimate",
            },
            names);
    }

    [Fact]
    public void Draw_WeightedSites_FollowsTheWeights()
    {
        var root = CSharpSyntaxTree.ParseText("class C { const int A = 1, B = 2, D = 3; }").GetRoot();
        var literals = root.DescendantNodes().OfType<LiteralExpressionSyntax>().ToList();
        var sites = literals.Zip([0.7, 0.2, 0.1], (l, w) => new GpSite("C.cs", l, l, l.Token.Text) { Weight = w }).ToList();
        var random = new Random(1);

        var counts = Enumerable.Range(0, 20_000).Select(_ => GpSite.Draw(sites, random).Description).CountBy(d => d).ToDictionary();

        // 20,000 draws: a standard deviation of at most 0.0033 in each share.
        Assert.InRange(counts["1"] / 20_000.0, 0.685, 0.715);
        Assert.InRange(counts["2"] / 20_000.0, 0.185, 0.215);
        Assert.InRange(counts["3"] / 20_000.0, 0.09, 0.11);
    }

    [Fact]
    public async Task MutateAsync_ProfileShowsTimeLostToOneKnob_DrawsThatKnobMostOften()
    {
        // The seed's own measured story: kheapsort and reverse_linked_list lost at 60 s to looping candidates, each
        // stopped at QuickTestSeconds, with the reserve left over. Expired: Quick 56 s, Reserve 16 s, the rest 0.
        var mutator = new GpMutator(new GpMutatorOptions { MaxOperators = 1 }, validator, new AgentBuilderOptions());
        var repair = SeedPaths.Seed("repair");
        TimeKnobUse[] lost = [new("PytestRunner.QuickTestSeconds", 36, 60, 4, 28), new("SearchBudget.Reserve", 8, 1, 1, 8), new("PytestRunner.FullTestSeconds", 4, 30, 0, 0)];
        var record = TimeKnobWeightsTests.Record(("kheapsort", false, 51, lost), ("reverse_linked_list", false, 49, lost), ("gcd", true, 3, null));
        var quick = 0;
        const int draws = 24;
        for (var seed = 0; seed < draws; seed++)
        {
            var result = await mutator.MutateAsync(Request(repair, record, "60", $"p{seed}", seed), CancellationToken.None);
            Assert.True(result.Succeeded, result.Reason);
            Assert.StartsWith($"gp (seed {seed}):\n- constant (time knob: the parent lost 2 task(s) near its 60 s limit; ", result.Description, StringComparison.Ordinal);
            if (result.Description.Contains("PytestRunner.QuickTestSeconds: 56 s expired (8x) of 72 s on 2 profiled task(s), p 0.72)", StringComparison.Ordinal))
            {
                quick++;
                Assert.Contains(") at PytestRunner.cs:", result.Description, StringComparison.Ordinal);
            }
        }

        // p(Quick) = 0.9 x 56/72 + 0.1/6 = 0.72, against 1/6 uniform: 24 draws give about 17, and a uniform choice about 4.
        Assert.InRange(quick, 12, draws);
    }

    [Fact]
    public async Task MutateAsync_LostTasksWithoutProfile_DrawsUniformlyAsBefore()
    {
        // A record archived before agents reported profiles: the same child as with no profile at all.
        var mutator = new GpMutator(new GpMutatorOptions { MaxOperators = 1 }, validator, new AgentBuilderOptions());
        var repair = SeedPaths.Seed("repair");
        var old = Record(("kheapsort", false, 49.2), ("gcd", true, 2.6));
        var other = TimeKnobWeightsTests.Record(("kheapsort", false, 49.2, [new("Elsewhere.Wait", 30, 3, 3, 30)]), ("gcd", true, 2.6, null));

        var a = await mutator.MutateAsync(Request(repair, old, "60", "old", 7), CancellationToken.None);
        var b = await mutator.MutateAsync(Request(repair, other, "60", "other", 7), CancellationToken.None);

        Assert.True(a.Succeeded, a.Reason);
        Assert.StartsWith("gp (seed 7):\n- constant (time knob: the parent lost 1 task(s) near its 60 s limit) at ", a.Description, StringComparison.Ordinal);
        Assert.Equal(a.Description, b.Description);
    }

    [Fact]
    public async Task MutateAsync_BadTimeLimit_FailsNamingTheOption()
    {
        var mutator = new GpMutator(new GpMutatorOptions(), validator, new AgentBuilderOptions());
        var result = await mutator.MutateAsync(Request(SeedPaths.Seed("repair"), null, "soon", "bad", 1), CancellationToken.None);

        Assert.False(result.Succeeded);
        Assert.Contains("option time_limit_seconds: 'soon' is not a positive number of seconds", result.Reason, StringComparison.Ordinal);
    }

    private MutationRequest Request(string parent, EvaluationRecord? record, string? limit, string child, int seed)
    {
        var options = new Dictionary<string, string>(StringComparer.Ordinal) { [GpMutator.OperatorsOption] = "constant" };
        if (limit is not null)
        {
            options[GpMutator.TimeLimitOption] = limit;
        }

        return new MutationRequest { Parents = [new MutationParent(parent, "v0", record)], OutputDirectory = dir.Combine("time", child), Seed = seed, Options = options };
    }

    private static EvaluationRecord Record(params (string Id, bool Resolved, double Seconds)[] tasks) =>
        TimeKnobWeightsTests.Record([.. tasks.Select(t => (t.Id, t.Resolved, t.Seconds, (TimeKnobUse[]?)null))]);

    private static (string Before, string After) ChangedLine(string before, string after)
    {
        var pair = Assert.Single(File.ReadAllLines(before).Zip(File.ReadAllLines(after)), p => p.First != p.Second);
        return (pair.First, pair.Second);
    }

    /// <summary>The last number on a declaration line (its value, or the argument of <c>TimeSpan.FromSeconds</c>).</summary>
    private static double Number(string line) =>
        double.Parse(System.Text.RegularExpressions.Regex.Matches(line, @"\d+(\.\d+)?")[^1].Value, CultureInfo.InvariantCulture);
}
