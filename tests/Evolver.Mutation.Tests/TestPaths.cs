using System.Runtime.CompilerServices;

namespace Evolver.Mutation.Tests;

/// <summary>Locates the repository's test agents from the source tree, since test output may live outside it (--artifacts-path).</summary>
internal static class TestPaths
{
    /// <summary>tests/agents: one folder per test agent.</summary>
    public static string AgentsDirectory { get; } = Path.GetFullPath(Path.Combine(ThisDirectory(), "..", "agents"));

    /// <summary>The folder of the test agent <paramref name="name"/>.</summary>
    public static string Agent(string name) => Path.Combine(AgentsDirectory, name);

    private static string ThisDirectory([CallerFilePath] string path = "") => Path.GetDirectoryName(path)!;
}
