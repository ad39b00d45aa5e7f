using System.Text.Json.Nodes;
using Evolver.Archive;
using Evolver.Core;
using Evolver.Llm.Tests.Protocol;
using Xunit;

namespace Evolver.Cli.Tests;

/// <summary>
/// <c>evolver run</c> with an <c>llm</c> config: the coder seed runs in the real sandbox and reaches the model only
/// through the run's gateway, here backed by the provider test double speaking Anthropic's Messages API (its replies
/// are this test's script, not a model's). The seed's spend counts in the run's budgets: the run's <c>llm_tokens</c>
/// runs out mid-task, the agent gets 429, and the record, the logs and the run state say so.
/// </summary>
[Collection(DockerCollection.Name)]
public sealed class RunGatewayTests(DockerFixture docker) : IDisposable
{
    private const string Task = "py-lru-cache-recency";
    private const string KeyVariable = "EVOLVER_RUN_GATEWAY_TEST_KEY";
    private const string Model = "claude-scripted";
    private readonly RunTestBed bed = new();

    public void Dispose() => bed.Dispose();

    [Fact]
    public async Task Run_CoderSeedOnAnthropicThroughTheGateway_MetersRecordsAndStopsAtTheRunTokenBudget()
    {
        docker.RequireEngine();
        using var provider = ProviderTestServer.Start();
        provider.Enqueue(
            AnthropicWire.ToolUse(null, [("toolu_view", "editor", new JsonObject { ["command"] = "view", ["path"] = "lrucache/cache.py" })], inputTokens: 600, outputTokens: 20, model: Model),
            AnthropicWire.ToolUse("Fixing get().", [("toolu_fix", "editor", new JsonObject
            {
                ["command"] = "str_replace",
                ["path"] = "lrucache/cache.py",
                ["old_str"] = "self._data.move_to_end(key, last=False)",
                ["new_str"] = "self._data.move_to_end(key)",
            })], inputTokens: 700, outputTokens: 30, model: Model));
        var config = bed.Config(bed.Subset(TestPaths.ShippedSuite, Task), iterations: 1);
        config["seeds"] = new JsonArray(Path.Combine(TestPaths.RepoRoot, "archive", "seeds", "coder"));
        config["agent_timeout_seconds"] = 240;
        config["budgets"] = new JsonObject
        {
            ["run"] = new JsonObject { ["iterations"] = 1, ["llm_tokens"] = 1000 },
            ["task"] = new JsonObject { ["llm_tokens"] = 100_000 },
        };
        config["llm"] = new JsonObject
        {
            ["provider"] = "Anthropic",
            ["base_url"] = provider.BaseUrl,
            ["model"] = Model,
            ["api_key_variable"] = KeyVariable,
            ["max_retries"] = 0,
            ["prices"] = new JsonObject { [Model] = new JsonObject { ["input_per_million"] = 3.0, ["output_per_million"] = 15.0 } },
        };

        CliRun run;
        Environment.SetEnvironmentVariable(KeyVariable, "sk-ant-run-gateway-key-51e0");
        try
        {
            run = await CliRunner.RunAsync(bed.Work.Path, "run", "--config", bed.Write(config));
        }
        finally
        {
            Environment.SetEnvironmentVariable(KeyVariable, null);
        }

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Contains("the run.llm_tokens budget ended it", run.Out);

        // Two calls reached the provider in Anthropic's schema, the tools and the first tool result translated.
        Assert.Equal(2, provider.Requests.Count);
        Assert.All(provider.Requests, r => Assert.Equal(("/v1/messages", "sk-ant-run-gateway-key-51e0"), (r.Path, r.Headers["x-api-key"])));
        Assert.Contains("editor", provider.Requests[0].Json["tools"]!.AsArray().Select(t => (string?)t!["name"]));
        var result = provider.Requests[1].Json["messages"]!.AsArray()[^1]!["content"]![0]!;
        Assert.Equal(("tool_result", "toolu_view"), ((string)result["type"]!, (string)result["tool_use_id"]!));
        Assert.Contains("move_to_end(key, last=False)", (string?)result["content"]);

        var state = await bed.StateAsync();
        Assert.Equal((RunStatus.Finished, "run.llm_tokens"), (state.Status, state.EndedBy));
        var seedId = Assert.Single(state.History, h => h.Kind == ChildKind.Seed).Id;
        using var archive = AgentArchive.Open(bed.ArchivePath);
        var seed = archive.GetVariant(seedId);
        var task = Assert.Single(seed.Evaluation.Tasks);
        Assert.True(task.Resolved, task.Reason);
        Assert.Equal(3, task.LlmCalls);
        Assert.Equal((1300L, 50L), (task.InputTokens, task.OutputTokens));
        Assert.Equal(["run.llm_tokens"], task.LlmCapsHit);
        Assert.Equal((1300 * 3.0 + 50 * 15.0) / 1e6, seed.Evaluation.CostUsd, 9);

        var logs = bed.Work.Combine("logs");
        archive.ExportLogs(seedId, logs);
        var exchanges = File.ReadAllLines(Path.Combine(logs, "llm", Task + ".jsonl")).Select(l => JsonNode.Parse(l)!).ToList();
        Assert.Equal([200, 200, 429], exchanges.Select(e => (int)e["status"]!));
        Assert.Equal("tool_calls", (string?)exchanges[0]["response"]!["choices"]![0]!["finish_reason"]);
        Assert.Contains("run.llm_tokens", (string?)exchanges[2]["response"]!["error"]!["message"]);
        Assert.All(exchanges, e => Assert.Equal((seedId, Task), ((string)e["child"]!, (string)e["task"]!)));
        Assert.DoesNotContain("sk-ant-run-gateway-key", string.Join('\n', exchanges));
    }
}
