using System.Runtime.CompilerServices;

namespace Evolver.Mutation.Benchmarks;

/// <summary>Finds the repository's folders from this source file, wherever the benchmark is built.</summary>
internal static class BenchmarkPaths
{
    public static string Root { get; } = System.IO.Path.GetFullPath(System.IO.Path.Combine(ThisDirectory(), "..", ".."));

    /// <summary>The seed agent <paramref name="name"/> under archive/seeds.</summary>
    public static string Seed(string name) => System.IO.Path.Combine(Root, "archive", "seeds", name);

    private static string ThisDirectory([CallerFilePath] string path = "") => System.IO.Path.GetDirectoryName(path)!;
}
