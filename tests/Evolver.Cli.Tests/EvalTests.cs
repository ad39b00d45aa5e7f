using System.Text.Json.Nodes;
using Xunit;

namespace Evolver.Cli.Tests;

/// <summary><c>evolver eval</c> against the real Docker engine on the project's own suite.</summary>
[Collection(DockerCollection.Name)]
public sealed class EvalTests(DockerFixture docker) : IDisposable
{
    private readonly TempDirectory work = new();

    public void Dispose() => work.Dispose();

    [Fact]
    public async Task Eval_GoldOnShippedSuite_ResolvesEveryTaskAndWritesTheJsonSchema()
    {
        docker.RequireEngine();
        var taskCount = Directory.GetDirectories(Path.Combine(TestPaths.ShippedSuite, "tasks")).Length;

        var run = await CliRunner.RunAsync(work.Path, "eval", "--agent", "gold", "--suite", TestPaths.ShippedSuite, "--parallel", "2", "--json", "out/gold.json");

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Contains($"resolved {taskCount}/{taskCount} = 100.0%", run.Out);
        var json = JsonNode.Parse(await File.ReadAllTextAsync(work.Combine("out", "gold.json")))!.AsObject();
        Assert.Equal("gold", (string?)json["agent"]);
        Assert.Equal("evolver", (string?)json["suite"]);
        Assert.False(string.IsNullOrEmpty((string?)json["suite_version"]));
        Assert.True(DateTimeOffset.TryParse((string?)json["started_at"], out _));
        Assert.True((double)json["duration_seconds"]! > 0);
        Assert.Equal(taskCount, (int)json["resolved"]!);
        Assert.Equal(taskCount, (int)json["total"]!);
        Assert.Equal(1.0, (double)json["score"]!);
        var results = json["results"]!.AsArray();
        Assert.Equal(taskCount, results.Count);
        foreach (var r in results.Select(r => r!.AsObject()))
        {
            var id = (string?)r["instance_id"];
            Assert.True((bool)r["resolved"]!, id);
            Assert.Equal("resolved", (string?)r["outcome"]);
            Assert.NotNull(r["reason"]);
            Assert.True((double)r["duration_seconds"]! > 0, id);
            Assert.Equal("completed", (string?)r["agent"]!["status"]);
            Assert.Equal(0, (int)r["agent"]!["exit_code"]!);
            Assert.NotNull(r["agent"]!["seconds"]);
            Assert.NotNull(r["agent"]!["output_bytes"]);
            var score = r["score"]!.AsObject();
            Assert.Equal("ran", (string?)score["status"]);
            Assert.NotNull(score["seconds"]);
            var f2p = score["fail_to_pass"]!.AsObject();
            Assert.NotEmpty(f2p);
            Assert.All(f2p, kv => Assert.Equal("passed", (string?)kv.Value));
            Assert.All(score["pass_to_pass"]!.AsObject(), kv => Assert.Equal("passed", (string?)kv.Value));
            Assert.True((int)r["patch_bytes"]! > 0, id);
        }
    }

    [Fact]
    public async Task Eval_EmptyOnShippedSuite_ResolvesNothing()
    {
        docker.RequireEngine();
        var taskCount = Directory.GetDirectories(Path.Combine(TestPaths.ShippedSuite, "tasks")).Length;

        var run = await CliRunner.RunAsync(work.Path, "eval", "--agent", "empty", "--suite", TestPaths.ShippedSuite, "--parallel", "2", "--json", "empty.json");

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Contains($"resolved 0/{taskCount} = 0.0%", run.Out);
        var json = JsonNode.Parse(await File.ReadAllTextAsync(work.Combine("empty.json")))!.AsObject();
        Assert.Equal(0, (int)json["resolved"]!);
        Assert.All(json["results"]!.AsArray(), r =>
        {
            Assert.Equal("no_change", (string?)r!["outcome"]);
            Assert.Null(r["score"]);
            Assert.Equal(0, (int)r["patch_bytes"]!);
        });
    }

    [Fact]
    public async Task Eval_AgentFolder_IsBuiltAndRunInTheSandbox()
    {
        docker.RequireEngine();
        var agent = Path.Combine(TestPaths.RepoRoot, "tests", "agents", "fixer");

        var before = Directory.GetDirectories(Path.GetTempPath(), "evolver-agent-*").ToHashSet();
        var run = await CliRunner.RunAsync(work.Path, "eval", "--agent", agent, "--suite", TestPaths.ShippedSuite, "--tasks", "py-lru-cache-recency", "--json", "fixer.json");

        Assert.True(run.ExitCode == 0, run.ToString());
        var result = JsonNode.Parse(await File.ReadAllTextAsync(work.Combine("fixer.json")))!["results"]![0]!;
        Assert.Equal("fixer", (string?)JsonNode.Parse(await File.ReadAllTextAsync(work.Combine("fixer.json")))!["agent"]);
        Assert.Equal("completed", (string?)result["agent"]!["status"]);
        Assert.Equal("unresolved", (string?)result["outcome"]);
        Assert.True((int)result["patch_bytes"]! > 0);
        // Compared with the folders that existed before the run, so older leftovers of other runs do not count.
        Assert.DoesNotContain(Directory.GetDirectories(Path.GetTempPath(), "evolver-agent-*"), d => !before.Contains(d));
    }

    [Fact]
    public async Task Eval_TaskWithUnknownImage_ExitsThreeNamingTheImage()
    {
        docker.RequireEngine();
        var suite = work.Combine("suite");
        TestTree.Copy(Path.Combine(TestPaths.ShippedSuite, "suite.json"), Path.Combine(suite, "suite.json"));
        TestTree.Copy(Path.Combine(TestPaths.ShippedSuite, "tasks", "py-lru-cache-recency"), Path.Combine(suite, "tasks", "py-lru-cache-recency"));
        var taskJson = Path.Combine(suite, "tasks", "py-lru-cache-recency", "task.json");
        var task = JsonNode.Parse(await File.ReadAllTextAsync(taskJson))!;
        task["image"] = "evolver-nosuch";
        await File.WriteAllTextAsync(taskJson, task.ToJsonString());

        var run = await CliRunner.RunAsync(work.Path, "eval", "--agent", "gold", "--suite", suite);

        Assert.True(run.ExitCode == 3, run.ToString());
        Assert.Contains("evolver-nosuch", run.Error);
    }
}
