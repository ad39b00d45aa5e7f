using System.Runtime.CompilerServices;

namespace Evolver.Cli.Tests;

internal static class TestPaths
{
    public static string RepoRoot { get; } = FindRepoRoot();

    public static string ShippedSuite => Path.Combine(RepoRoot, "benchmarks", "suites", "evolver");

    public static string UpstreamBenchmarks => Path.GetFullPath(Path.Combine(RepoRoot, "..", "shared", "benchmarks"));

    private static string FindRepoRoot([CallerFilePath] string source = "")
    {
        foreach (var start in new[] { Path.GetDirectoryName(source), AppContext.BaseDirectory, Directory.GetCurrentDirectory() })
        {
            for (var dir = string.IsNullOrEmpty(start) ? null : new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "Evolver.sln")))
                {
                    return dir.FullName;
                }
            }
        }

        throw new InvalidOperationException("cannot find the repository root (the folder holding Evolver.sln)");
    }
}
