using System.Text.Json.Nodes;
using Xunit;

namespace Evolver.Cli.Tests;

/// <summary>
/// The development suites imported with <c>evolver import</c> pass the SWE-bench harness check with
/// <c>evolver validate</c>: gold resolves every task and empty none.
/// </summary>
[Collection(DockerCollection.Name)]
public sealed class DevSuiteValidationTests(DockerFixture docker) : IDisposable
{
    private readonly TempDirectory work = new();

    public void Dispose() => work.Dispose();

    [Theory]
    [InlineData("polyglot-python", "polyglot/python", "polyglot")]
    [InlineData("exercism-csharp", "exercism-csharp", "exercism-csharp")]
    [InlineData("quixbugs", "quixbugs", "quixbugs")]
    public async Task Validate_ImportedDevSuite_GoldResolvesAllAndEmptyNone(string name, string upstream, string format)
    {
        docker.RequireEngine();
        var (suite, import) = await docker.ImportAsync(name, upstream, format);
        Assert.True(import.ExitCode == 0, import.ToString());
        Assert.Matches(@"imported \d+ of \d+ tasks into", import.Out);

        var run = await CliRunner.RunAsync(work.Path, "validate", "--suite", suite, "--parallel", "2", "--json", "validation.json");

        Assert.True(run.ExitCode == 0, run.ToString());
        var result = JsonNode.Parse(await File.ReadAllTextAsync(work.Combine("validation.json")))!["suites"]![0]!;
        var total = (int)result["total"]!;
        Assert.True(total > 0, run.ToString());
        Assert.Equal(total, (int)result["gold_resolved"]!);
        Assert.Equal(0, (int)result["empty_resolved"]!);
        Assert.True((bool)result["passed"]!);
        Assert.Contains($"{total}/{total}", run.Out);
        Assert.Contains("PASS", run.Out);
    }
}
