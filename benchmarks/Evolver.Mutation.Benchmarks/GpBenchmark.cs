using System.Diagnostics;
using System.Globalization;
using Evolver.Core;

namespace Evolver.Mutation.Benchmarks;

/// <summary>
/// The gp mutator's compile share: N single-draw mutations (seeds s, s+1, ...) of an agent, each validated; prints the
/// share of children that compile and the share that pass validation, per operator mix, and the time per mutation.
/// </summary>
internal static class GpBenchmark
{
    public static async Task<int> RunAsync(string[] args)
    {
        var agent = Path.GetFullPath(args.Length > 0 ? args[0] : BenchmarkPaths.Seed("repair"));
        var count = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 500;
        var firstSeed = args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 1;
        var builderOptions = new AgentBuilderOptions();
        var validator = new AgentValidator(new ValidationOptions(), builderOptions, TimeProvider.System);
        var mutator = new GpMutator(new GpMutatorOptions { MaxAttempts = 1 }, validator, builderOptions);
        using var work = new TempFolder("evolver-gp-bench-");

        var compiled = 0;
        var valid = 0;
        var failed = 0;
        var unchanged = 0;
        var byOperator = new Dictionary<string, (int Total, int Compiled)>(StringComparer.Ordinal);
        var watch = Stopwatch.StartNew();
        for (var i = 0; i < count; i++)
        {
            var request = new MutationRequest { Parents = [new MutationParent(agent)], OutputDirectory = Path.Combine(work.Path, $"child-{i}"), Seed = firstSeed + i };
            var result = await mutator.MutateAsync(request, CancellationToken.None);
            if (result.Status == MutationStatus.Failed)
            {
                failed++;
                continue;
            }

            var compiles = !result.Flags.Contains("compile-error");
            compiled += compiles ? 1 : 0;
            valid += result.Succeeded ? 1 : 0;
            foreach (var op in Operators(result.Description))
            {
                var (total, ok) = byOperator.GetValueOrDefault(op);
                byOperator[op] = (total + 1, ok + (compiles ? 1 : 0));
            }

            if (!compiles && i < 20)
            {
                Console.WriteLine($"{result.Description}\n    {result.Diagnostics.FirstOrDefault()}");
            }

            unchanged += SameFiles(agent, request.OutputDirectory) ? 1 : 0;
            Directory.Delete(request.OutputDirectory, recursive: true);
        }

        var made = count - failed;
        Console.WriteLine();
        Console.WriteLine($"agent: {agent}; {count} mutations (seeds {firstSeed}..{firstSeed + count - 1}), 1 draw each, 1-2 operators per child");
        foreach (var (op, (total, ok)) in byOperator.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            Console.WriteLine($"  {op,-20} {ok,4}/{total,-4} compile ({(double)ok / total:P0})");
        }

        Console.WriteLine($"children made: {made}; compile: {compiled} ({(double)compiled / made:P1}); pass validation: {valid} ({(double)valid / made:P1}); no site: {failed}; identical to the parent: {unchanged}");
        Console.WriteLine($"time per mutation (mutate + validate): {watch.Elapsed.TotalMilliseconds / count:F0} ms");
        return 0;
    }

    private static bool SameFiles(string a, string b) =>
        Directory.GetFiles(a, "*.cs").All(f => File.ReadAllBytes(f).AsSpan().SequenceEqual(File.ReadAllBytes(Path.Combine(b, Path.GetFileName(f)))));

    /// <summary>The operator names in a gp description: one change per "- operator at place: ..." line.</summary>
    private static IEnumerable<string> Operators(string description) =>
        description.Split('\n').Where(l => l.StartsWith("- ", StringComparison.Ordinal)).Select(l => l[2..l.IndexOf(" at ", StringComparison.Ordinal)]);
}
