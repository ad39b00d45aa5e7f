using System.Globalization;
using Evolver.Core;
using Evolver.Mutation.Tests.Llm;
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

    private static EvaluationRecord Record(params (string Id, bool Resolved, double Seconds)[] tasks) => new()
    {
        Status = VariantStatus.Evaluated,
        Admitted = true,
        Tasks = [.. tasks.Select(t => new TaskRecord
        {
            InstanceId = t.Id,
            Outcome = t.Resolved ? TaskOutcome.Resolved : TaskOutcome.NoChange,
            Duration = TimeSpan.FromSeconds(t.Seconds),
        })],
    };

    private static (string Before, string After) ChangedLine(string before, string after)
    {
        var pair = Assert.Single(File.ReadAllLines(before).Zip(File.ReadAllLines(after)), p => p.First != p.Second);
        return (pair.First, pair.Second);
    }

    /// <summary>The last number on a declaration line (its value, or the argument of <c>TimeSpan.FromSeconds</c>).</summary>
    private static double Number(string line) =>
        double.Parse(System.Text.RegularExpressions.Regex.Matches(line, @"\d+(\.\d+)?")[^1].Value, CultureInfo.InvariantCulture);
}
