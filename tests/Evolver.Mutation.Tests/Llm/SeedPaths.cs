using System.Runtime.CompilerServices;

namespace Evolver.Mutation.Tests.Llm;

/// <summary>Locates the seed agents in archive/seeds from the source tree.</summary>
internal static class SeedPaths
{
    /// <summary>The folder of seed agent <paramref name="name"/>.</summary>
    public static string Seed(string name) => Path.GetFullPath(Path.Combine(ThisDirectory(), "..", "..", "..", "archive", "seeds", name));

    private static string ThisDirectory([CallerFilePath] string path = "") => Path.GetDirectoryName(path)!;
}
