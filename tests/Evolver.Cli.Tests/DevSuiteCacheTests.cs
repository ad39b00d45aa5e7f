using Xunit;

namespace Evolver.Cli.Tests;

/// <summary>The main job imports a development suite again only when its upstream content changed.</summary>
public sealed class DevSuiteCacheTests : IDisposable
{
    private readonly TempDirectory root = new();

    public void Dispose() => root.Dispose();

    [Fact]
    public async Task IsCurrent_SameUpstreamThenChangedUpstream_TrueThenFalse()
    {
        var (cache, suite, upstream) = LayOut();
        Directory.CreateDirectory(Path.Combine(upstream, "python_programs"));
        await File.WriteAllTextAsync(Path.Combine(upstream, "python_programs", "gcd.py"), "def gcd(a, b):\n    return a\n");
        TestTree.Copy(TestPaths.ShippedSuite, cache.SuiteDirectory(suite));
        await File.WriteAllTextAsync(
            Path.Combine(root.Path, "repo", ".evolver", "suites", "quixbugs.upstream-sha256"),
            await ContentHash.OfDirectoryAsync(upstream, CancellationToken.None));

        Assert.True(await cache.IsCurrentAsync(suite, CancellationToken.None));

        await File.AppendAllTextAsync(Path.Combine(upstream, "python_programs", "gcd.py"), "# changed\n");
        Assert.False(await cache.IsCurrentAsync(suite, CancellationToken.None));
    }

    [Fact]
    public async Task IsCurrent_NeverImported_False()
    {
        var (cache, suite, upstream) = LayOut();
        Directory.CreateDirectory(upstream);

        Assert.False(await cache.IsCurrentAsync(suite, CancellationToken.None));
    }

    [Fact]
    public void Find_FromNestedFolder_ReturnsTheFolderHoldingTheSolution()
    {
        var repo = Directory.CreateDirectory(root.Combine("repo")).FullName;
        File.WriteAllText(Path.Combine(repo, "Evolver.sln"), "");
        var nested = Directory.CreateDirectory(Path.Combine(repo, "src", "deep")).FullName;

        Assert.Equal(repo, RepoLayout.Find(nested)?.Root);
        Assert.Equal(Path.Combine(root.Path, "shared", "benchmarks"), RepoLayout.Find(nested)!.UpstreamBenchmarks);
    }

    private (DevSuiteCache Cache, DevSuite Suite, string Upstream) LayOut()
    {
        var repo = new RepoLayout(Directory.CreateDirectory(root.Combine("repo")).FullName);
        Directory.CreateDirectory(repo.ImportedSuites);
        var suite = DevSuite.All.Single(s => s.Name == "quixbugs");
        var cache = new DevSuiteCache(repo);
        return (cache, suite, cache.UpstreamDirectory(suite));
    }
}
