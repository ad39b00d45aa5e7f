using System.Collections.Concurrent;
using Evolver.Sandbox;
using Xunit;

namespace Evolver.Cli.Tests;

/// <summary>
/// Checks once that a Docker engine answers (failing every Docker test with the set-up hint when none does), and imports
/// each development suite once per test run, on first request, into a temporary folder removed at the end.
/// </summary>
public sealed class DockerFixture : IAsyncLifetime
{
    private readonly TempDirectory suites = new("evolver-cli-suites");
    private readonly ConcurrentDictionary<string, Lazy<Task<(string Suite, CliRun Import)>>> imports = new(StringComparer.Ordinal);
    private string? engineProblem;

    public async Task InitializeAsync()
    {
        using var docker = DockerEndpoint.CreateClient();
        engineProblem = await DockerEndpoint.ProbeAsync(docker, CancellationToken.None);
    }

    public Task DisposeAsync()
    {
        suites.Dispose();
        return Task.CompletedTask;
    }

    /// <summary>Fails the calling test, with the way to set the machine up, when no Docker engine answers.</summary>
    public void RequireEngine()
    {
        if (engineProblem is not null)
        {
            Assert.Fail($"These tests need a running Docker engine. Run ./scripts/setup.sh as root. ({engineProblem})");
        }
    }

    /// <summary>The development suite <paramref name="upstream"/> imported with <c>evolver import</c>, once per test run.</summary>
    public Task<(string Suite, CliRun Import)> ImportAsync(string name, string upstream, string format) =>
        imports.GetOrAdd(name, _ => new Lazy<Task<(string, CliRun)>>(async () =>
        {
            var from = Path.Combine(TestPaths.UpstreamBenchmarks, upstream);
            Assert.True(Directory.Exists(from), $"the upstream benchmark {from} is missing (expected beside the repository, in ../shared/benchmarks)");
            var suite = suites.Combine(name);
            var run = await CliRunner.RunAsync(suites.Path, "import", "--from", from, "--out", suite, "--format", format, "--parallel", "2");
            return (suite, run);
        })).Value;
}
