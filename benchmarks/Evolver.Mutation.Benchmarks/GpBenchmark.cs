namespace Evolver.Mutation.Benchmarks;

internal static class GpBenchmark
{
    public static Task<int> RunAsync(string[] args) => Task.FromResult(args.Length >= 0 ? 2 : 0);
}
