using System.Text.Json.Nodes;
using Evolver.Sandbox;
using Xunit;

namespace Evolver.Cli.Tests;

/// <summary><c>evolver mutate --mutator self</c> in the real Docker sandbox: the parent agent runs on its own source.</summary>
[Collection(MutateCollection.Name)]
public sealed class MutateSelfTests : IDisposable
{
    private readonly ArchiveTestBed bed = new();

    public void Dispose() => bed.Dispose();

    [Fact]
    public async Task Mutate_SelfOnFixer_ArchivesTheAgentsOwnDiffAsAValidatedChild()
    {
        using (var docker = DockerEndpoint.CreateClient())
        {
            var problem = await DockerEndpoint.ProbeAsync(docker, CancellationToken.None);
            Assert.True(problem is null, $"This test needs a running Docker engine. Run ./scripts/setup.sh as root. ({problem})");
        }

        // The fixer test agent appends a line to the repository's README.md: here, its own source.
        var fixer = Path.Combine(TestPaths.RepoRoot, "tests", "agents", "fixer");
        Assert.Equal(0, (await bed.RunAsync("init", "--seed", fixer)).ExitCode);
        var tempBefore = MutateCollection.TempFolders();

        var run = await bed.RunAsync("mutate", "--parent", "v0", "--mutator", "self", "--json");

        Assert.True(run.ExitCode == 0, run.ToString());
        var result = JsonNode.Parse(run.Out)!;
        Assert.Equal("v1", result["id"]!.GetValue<string>());
        Assert.True(result["valid"]!.GetValue<bool>(), run.Out);
        Assert.Equal("appended a line to README.md for self-v0", result["description"]!.GetValue<string>());
        Assert.Equal(tempBefore, MutateCollection.TempFolders());
        var diff = (await bed.RunAsync("archive", "diff", "v1")).Out;
        Assert.Contains("+++ b/README.md", diff);
        Assert.Contains("+fixer was here: self-v0", diff);
        var export = await bed.RunAsync("archive", "export", "v1", "out", "--logs", "logs");
        Assert.True(export.ExitCode == 0, export.ToString());
        Assert.Contains("+fixer was here: self-v0", await File.ReadAllTextAsync(bed.Work.Combine("logs", "self.patch")));
        Assert.Contains("status: Completed", await File.ReadAllTextAsync(bed.Work.Combine("logs", "self-run.txt")));
    }
}
