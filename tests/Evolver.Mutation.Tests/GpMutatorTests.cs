using Evolver.Core;
using Evolver.Mutation.Tests.Llm;
using Xunit;
using Xunit.Abstractions;

namespace Evolver.Mutation.Tests;

/// <summary>The gp mutator makes compiling children, reproducibly, never touching protected code; crossover exchanges members.</summary>
public sealed class GpMutatorTests(ITestOutputHelper output) : IDisposable
{
    private const string Util = """
        using Evolver.Agents.Sdk;

        internal static class Util
        {
            // evolver:protected
            public static int Guard(int x) => x > 100 ? 100 : x;

            public static async Task ProbeAsync(AgentContext context, CancellationToken ct)
            {
                var total = 0;
                for (var i = 0; i < 3; i++)
                {
                    total += Step(i);
                    total += Other(i);
                }

                if (total > 10 && context.InstanceId.Length != 0)
                {
                    total = Guard(total);
                    Console.WriteLine(total);
                }

                Console.WriteLine(Describe(context.InstanceId));
                await Task.Delay(1, ct);
            }

            public static int Step(int i) => i * 2;

            public static int Other(int i) => i + 1;

            public static string Describe(string id) => id.Trim();

            public static string Shout(string id) => id.ToUpperInvariant();
        }
        """;

    private readonly TempDirectory dir = new();
    private readonly AgentValidator validator = new(new ValidationOptions(), new AgentBuilderOptions(), TimeProvider.System);

    public void Dispose() => dir.Dispose();

    [Fact]
    public async Task MutateAsync_SameSeedAndParent_GiveByteIdenticalChildren()
    {
        var mutator = Mutator(new GpMutatorOptions());
        var repair = SeedPaths.Seed("repair");
        var children = new HashSet<string>(StringComparer.Ordinal);
        for (var seed = 1; seed <= 6; seed++)
        {
            var first = await mutator.MutateAsync(Request(repair, $"a{seed}", seed), CancellationToken.None);
            var second = await mutator.MutateAsync(Request(repair, $"b{seed}", seed), CancellationToken.None);

            Assert.Equal(first.Status, second.Status);
            Assert.Equal(first.Description, second.Description);
            Assert.Equal(Snapshot(first.ChildDirectory!), Snapshot(second.ChildDirectory!));
            Assert.NotEqual(Snapshot(repair), Snapshot(first.ChildDirectory!));
            children.Add(Snapshot(first.ChildDirectory!));
        }

        Assert.True(children.Count >= 5, "different seeds should mostly give different children");
    }

    [Fact]
    public async Task MutateAsync_RepairSeed_MostSingleDrawChildrenCompile()
    {
        // The benchmark (benchmarks/Evolver.Mutation.Benchmarks gp) measures this over 500 mutations; here a sample.
        var mutator = Mutator(new GpMutatorOptions { MaxAttempts = 1 });
        var repair = SeedPaths.Seed("repair");
        var compiled = 0;
        const int Count = 30;
        for (var seed = 100; seed < 100 + Count; seed++)
        {
            var result = await mutator.MutateAsync(Request(repair, $"c{seed}", seed), CancellationToken.None);
            Assert.NotEqual(MutationStatus.Failed, result.Status);
            Assert.DoesNotContain("protected-edit", result.Flags);
            Assert.DoesNotContain("banned-api", result.Flags);
            compiled += result.Flags.Contains("compile-error") ? 0 : 1;
            if (result.Flags.Contains("compile-error"))
            {
                output.WriteLine(result.Description + "\n  " + result.Diagnostics[0]);
            }
        }

        output.WriteLine($"{compiled}/{Count} children compile");
        Assert.True(compiled >= Count / 2, $"only {compiled} of {Count} children compile");
    }

    [Fact]
    public async Task MutateAsync_ManySeeds_NeverTouchEntryOrProtectedMember()
    {
        var parent = AgentFolder.WithUtil(dir, "parent", Util);
        var mutator = Mutator(new GpMutatorOptions { MaxAttempts = 1, MaxOperators = 3 });
        for (var seed = 0; seed < 40; seed++)
        {
            var result = await mutator.MutateAsync(Request(parent, $"p{seed}", seed), CancellationToken.None);

            Assert.DoesNotContain("protected-edit", result.Flags);
            Assert.StartsWith(
                "using Evolver.Agents.Sdk;\n\nreturn await AgentHost.RunAsync(new Agent(), args);\n",
                File.ReadAllText(Path.Combine(result.ChildDirectory!, "Program.cs")),
                StringComparison.Ordinal);
            Assert.Contains(
                "    // evolver:protected\n    public static int Guard(int x) => x > 100 ? 100 : x;\n",
                File.ReadAllText(Path.Combine(result.ChildDirectory!, "Util.cs")));
        }
    }

    [Theory]
    [InlineData("literal", "- literal at Util.cs:")]
    [InlineData("condition", "Util.cs:")]
    [InlineData("delete-statement", "- delete statement at Util.cs:")]
    [InlineData("duplicate-statement", "- duplicate statement at Util.cs:")]
    [InlineData("swap-statements", "- swap statements at Util.cs:")]
    [InlineData("swap-call", "- swap call at Util.cs:")]
    public async Task MutateAsync_EachOperator_MakesAValidChildItDescribes(string op, string expected)
    {
        var parent = AgentFolder.WithUtil(dir, "parent", Util);
        var mutator = Mutator(new GpMutatorOptions { MaxOperators = 1 });
        var request = Request(parent, "child", 7) with { Options = new Dictionary<string, string> { [GpMutator.OperatorsOption] = op } };

        var result = await mutator.MutateAsync(request, CancellationToken.None);

        Assert.True(result.Succeeded, result.Reason + "\n" + string.Join("\n", result.Diagnostics));
        Assert.Contains(expected, result.Description);
        Assert.NotEqual(File.ReadAllText(Path.Combine(parent, "Util.cs")), File.ReadAllText(Path.Combine(result.ChildDirectory!, "Util.cs")));
        Assert.True((await validator.ValidateAsync(result.ChildDirectory!, parent, CancellationToken.None)).IsValid);
    }

    [Fact]
    public async Task MutateAsync_Constant_ChangesOnlyTheRepairSeedsConstFieldsAndStaticReadonlyValues()
    {
        var mutator = Mutator(new GpMutatorOptions { MaxOperators = 1 });
        var repair = SeedPaths.Seed("repair");
        var touched = new HashSet<string>(StringComparer.Ordinal);
        for (var seed = 0; seed < 10; seed++)
        {
            var request = new MutationRequest
            {
                Parents = [new MutationParent(repair)],
                OutputDirectory = dir.Combine("constant", $"s{seed}"),
                Seed = seed,
                Options = new Dictionary<string, string> { [GpMutator.OperatorsOption] = "constant" },
            };
            var result = await mutator.MutateAsync(request, CancellationToken.None);
            Assert.True(result.Succeeded, result.Reason);
            Assert.StartsWith($"gp (seed {seed}):\n- constant at ", result.Description, StringComparison.Ordinal);

            // The one changed line declares a constant or a static readonly field.
            var file = result.Description.Split("- constant at ")[1].Split(':')[0];
            var before = File.ReadAllLines(Path.Combine(repair, file));
            var after = File.ReadAllLines(Path.Combine(result.ChildDirectory!, file));
            var changed = Assert.Single(before.Zip(after), p => p.First != p.Second);
            Assert.True(changed.First.Contains(" const ", StringComparison.Ordinal) || changed.First.Contains("static readonly", StringComparison.Ordinal), changed.First);
            touched.Add(changed.First.Trim());
        }

        Assert.True(touched.Count >= 3, string.Join("\n", touched));
    }

    [Fact]
    public async Task MutateAsync_SwapCall_PointsACallAtASameSignatureMethod()
    {
        var parent = AgentFolder.WithUtil(dir, "parent", Util);
        var mutator = Mutator(new GpMutatorOptions { MaxOperators = 1 });
        var changed = new HashSet<string>(StringComparer.Ordinal);
        for (var seed = 0; seed < 12; seed++)
        {
            var request = Request(parent, $"s{seed}", seed) with { Options = new Dictionary<string, string> { [GpMutator.OperatorsOption] = "swap-call" } };
            var result = await mutator.MutateAsync(request, CancellationToken.None);
            Assert.True(result.Succeeded, result.Reason);
            changed.Add(result.Description[(result.Description.IndexOf(": Util.", StringComparison.Ordinal) + 2)..]);
        }

        // Among the int -> int methods (Step, Other, and calls to the protected Guard, which itself stays) and the
        // string -> string ones (Describe, Shout); never across signatures.
        string[] ints = ["Step", "Other", "Guard"];
        var allowed = ints.SelectMany(a => ints.Where(b => b != a).Select(b => $"Util.{a} -> Util.{b}")).Append("Util.Describe -> Util.Shout").ToHashSet();
        Assert.Subset(allowed, changed);
        Assert.Contains("Util.Describe -> Util.Shout", changed);
        Assert.True(changed.Count >= 3, string.Join(", ", changed));
    }

    [Fact]
    public async Task MutateAsync_TwoParents_CrossesOverADifferingMember()
    {
        var first = AgentFolder.WithUtil(dir, "first", Util);
        var second = AgentFolder.WithUtil(dir, "second", Util.Replace("i * 2", "i * 3").Replace("x > 100 ? 100 : x", "x"));
        var mutator = Mutator(new GpMutatorOptions());

        var result = await mutator.MutateAsync(
            new MutationRequest { Parents = [new MutationParent(first), new MutationParent(second)], OutputDirectory = dir.Combine("child"), Seed = 3 },
            CancellationToken.None);

        Assert.True(result.Succeeded, result.Reason);
        Assert.Contains("- crossover at Util.cs:", result.Description);
        Assert.Contains("Util::Step(int) from the second parent", result.Description);
        Assert.Equal(Util.Replace("i * 2", "i * 3"), File.ReadAllText(Path.Combine(result.ChildDirectory!, "Util.cs")));
    }

    [Fact]
    public async Task MutateAsync_TwoIdenticalParents_FailsWithReason()
    {
        var first = AgentFolder.WithUtil(dir, "first", Util);
        var second = AgentFolder.WithUtil(dir, "second", Util.Replace("x > 100 ? 100 : x", "x"));

        var result = await Mutator(new GpMutatorOptions()).MutateAsync(
            new MutationRequest { Parents = [new MutationParent(first), new MutationParent(second)], OutputDirectory = dir.Combine("child"), Seed = 1 },
            CancellationToken.None);

        // The only difference is in a protected member, which crossover never takes.
        Assert.Equal(MutationStatus.Failed, result.Status);
        Assert.Contains("share no member whose code differs", result.Reason);
        Assert.Null(result.ChildDirectory);
    }

    [Fact]
    public async Task MutateAsync_BadRequests_FailOrThrow()
    {
        var parent = AgentFolder.WithUtil(dir, "parent", Util);
        var mutator = Mutator(new GpMutatorOptions());

        var three = await mutator.MutateAsync(new MutationRequest { Parents = [new(parent), new(parent), new(parent)], OutputDirectory = dir.Combine("x"), Seed = 1 }, CancellationToken.None);
        var badOption = await mutator.MutateAsync(Request(parent, "y", 1) with { Options = new Dictionary<string, string> { [GpMutator.OperatorsOption] = "literal,teleport" } }, CancellationToken.None);
        dir.Write("children/busy/file.txt", "x");

        Assert.Equal(MutationStatus.Failed, three.Status);
        Assert.Contains("'teleport' is not a single-parent gp operator", badOption.Reason);
        await Assert.ThrowsAsync<ArgumentException>(() => mutator.MutateAsync(Request(parent, "busy", 1), CancellationToken.None));
        Assert.Throws<ArgumentOutOfRangeException>(() => Mutator(new GpMutatorOptions { MaxOperators = 0 }));
        Assert.Throws<ArgumentException>(() => Mutator(new GpMutatorOptions { Operators = [GpOperator.Crossover] }));
    }

    private GpMutator Mutator(GpMutatorOptions options) => new(options, validator, new AgentBuilderOptions());

    private MutationRequest Request(string parent, string child, int seed) =>
        new() { Parents = [new MutationParent(parent)], OutputDirectory = dir.Combine("children", child), Seed = seed };

    /// <summary>Every file of a folder with its bytes, as one comparable string.</summary>
    private static string Snapshot(string folder) => string.Join("\n", Directory.GetFiles(folder, "*", SearchOption.AllDirectories)
        .Where(f => !f.Contains("/bin/", StringComparison.Ordinal) && !f.Contains("/obj/", StringComparison.Ordinal))
        .Order(StringComparer.Ordinal)
        .Select(f => Path.GetRelativePath(folder, f) + ":" + Convert.ToBase64String(File.ReadAllBytes(f))));
}
