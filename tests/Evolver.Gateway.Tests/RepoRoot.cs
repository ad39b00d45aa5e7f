using System.Reflection;

namespace Evolver.Gateway.Tests;

/// <summary>The repository's root, stamped into the test assembly at build time (see Directory.Build.props).</summary>
internal static class RepoRoot
{
    public static string Path { get; } = typeof(RepoRoot).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
        .Single(a => a.Key == "EvolverRepoRoot").Value!;

    public static string Combine(params string[] parts) => System.IO.Path.Combine([Path, .. parts]);
}
