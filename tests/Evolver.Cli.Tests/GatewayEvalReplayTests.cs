using System.Text.Json.Nodes;
using System.Xml.Linq;
using Evolver.Archive;
using Evolver.Llm.Tests.Protocol;
using Xunit;

namespace Evolver.Cli.Tests;

/// <summary>
/// The gateway issue's "done when": <c>evolver eval --agent archive/seeds/coder</c> runs in the real Docker sandbox
/// through the gateway against the local OpenAI-protocol test double (standing in for a model: its replies are this
/// test's script), records the evaluation into an archive, and <c>evolver replay</c> of it then passes with the double
/// gone; a replay whose task input changed fails, naming the task, the exchange and the first differing JSON path.
/// </summary>
[Collection(DockerCollection.Name)]
public sealed class GatewayEvalReplayTests(DockerFixture docker) : IDisposable
{
    private const string Task = "py-lru-cache-recency";
    private const string KeyVariable = "EVOLVER_E2E_PROVIDER_KEY";
    private readonly TempDirectory work = new();

    public void Dispose() => work.Dispose();

    [Fact]
    public async Task EvalThenReplay_CoderSeedThroughTheGateway_ReplaysOfflineWithIdenticalResults()
    {
        docker.RequireEngine();
        var archive = work.Combine("archive");
        CliRun eval;
        Environment.SetEnvironmentVariable(KeyVariable, "sk-e2e-provider-key-7c1d");
        try
        {
            using var provider = ProviderTestServer.Start();
            provider.Enqueue(
                ToolCall("editor", new JsonObject { ["command"] = "view", ["path"] = "lrucache/cache.py" }),
                ToolCall("editor", new JsonObject
                {
                    ["command"] = "str_replace",
                    ["path"] = "lrucache/cache.py",
                    ["old_str"] = "self._data.move_to_end(key, last=False)",
                    ["new_str"] = "self._data.move_to_end(key)",
                }),
                OpenAIWire.Completion("get() now moves the entry to the most recently used end.", promptTokens: 900, completionTokens: 30));
            File.WriteAllText(work.Combine("llm.json"), new JsonObject
            {
                ["provider"] = "OpenAI",
                ["base_url"] = provider.BaseUrl,
                ["model"] = "scripted-model",
                ["api_key_variable"] = KeyVariable,
                ["max_retries"] = 0,
                ["prices"] = new JsonObject { ["scripted-model"] = new JsonObject { ["input_per_million"] = 3.0, ["output_per_million"] = 15.0 } },
            }.ToJsonString());

            eval = await CliRunner.RunAsync(
                work.Path, "eval", "--agent", Path.Combine(TestPaths.RepoRoot, "archive", "seeds", "coder"), "--suite", TestPaths.ShippedSuite, "--tasks", Task,
                "--llm-config", "llm.json", "--task-llm-tokens", "100000", "--archive", "archive", "--agent-timeout", "240", "--json", "eval.json");

            Assert.True(eval.ExitCode == 0, eval.ToString());
            Assert.Contains("resolved 1/1", eval.Out);
            Assert.Contains("LLM through the gateway: 3 calls, 1100 tokens in, 50 out", eval.Out);
            Assert.Contains("archived as variant v0", eval.Out);
            Assert.Equal(3, provider.Requests.Count);
            Assert.All(provider.Requests, r => Assert.Equal("Bearer sk-e2e-provider-key-7c1d", r.Headers["authorization"]));
            Assert.Equal("tool", (string?)provider.Requests[1].Json["messages"]![3]!["role"]);
            Assert.Contains("move_to_end(key, last=False)", (string?)provider.Requests[1].Json["messages"]![3]!["content"]);

            // --json carries the task's LLM usage and the sums.
            var json = JsonNode.Parse(File.ReadAllText(work.Combine("eval.json")))!;
            var result = json["results"]![0]!;
            Assert.Equal((3, 1100L, 50L), ((int)result["llm_calls"]!, (long)result["input_tokens"]!, (long)result["output_tokens"]!));
            Assert.Equal(Math.Round((1100 * 3.0 + 50 * 15.0) / 1e6, 6), (double)result["cost_usd"]!, 9);
            Assert.Empty(result["llm_caps_hit"]!.AsArray());
            Assert.Equal(3, (int)json["llm_calls"]!);
        }
        finally
        {
            Environment.SetEnvironmentVariable(KeyVariable, null);
        }

        using (var opened = AgentArchive.Open(archive))
        {
            var record = opened.GetVariant("v0").Evaluation;
            var task = Assert.Single(record.Tasks);
            Assert.True(task.Resolved);
            Assert.Equal(3, task.LlmCalls);
            Assert.Equal((1100L, 50L), (task.InputTokens, task.OutputTokens));
            Assert.Equal((1100 * 3.0 + 50 * 15.0) / 1e6, record.CostUsd, 9);
            var logs = work.Combine("logs");
            opened.ExportLogs("v0", logs);
            var exchanges = File.ReadAllLines(Path.Combine(logs, "llm", Task + ".jsonl"));
            Assert.Equal(3, exchanges.Length);
            Assert.DoesNotContain("sk-e2e-provider-key", string.Concat(exchanges));
        }

        if (Environment.GetEnvironmentVariable("EVOLVER_REPLAY_DEMO") is { Length: > 0 } demo)
        {
            // The replay workflow records its demo archive with this test when none is committed.
            CopyDirectory(archive, demo);
        }

        // The provider is gone: the replay is served from the archive alone.
        var replay = await CliRunner.RunAsync(work.Path, "replay", "--archive", "archive", "--agent", "v0", "--junit", "out/junit.xml", "--agent-timeout", "240");

        Assert.True(replay.ExitCode == 0, replay.ToString());
        Assert.Contains($"PASS {Task}: archived resolved, replayed resolved", replay.Out);
        Assert.Contains("replay passed", replay.Out);
        var junit = XDocument.Load(work.Combine("out", "junit.xml"));
        var testCase = Assert.Single(junit.Descendants("testcase"));
        Assert.Equal(Task, (string?)testCase.Attribute("name"));
        Assert.Empty(testCase.Elements("failure"));

        // Same agent, same recording, but the task's file changed: the second request is one that was never recorded.
        var changed = work.Combine("changed-suite");
        CopyDirectory(Path.Combine(TestPaths.ShippedSuite, "tasks", Task), Path.Combine(changed, "tasks", Task));
        File.Copy(Path.Combine(TestPaths.ShippedSuite, "suite.json"), Path.Combine(changed, "suite.json"));
        var source = Path.Combine(changed, "tasks", Task, "repo", "lrucache", "cache.py");
        File.WriteAllText(source, "# changed after recording\n" + File.ReadAllText(source));

        var diverged = await CliRunner.RunAsync(work.Path, "replay", "--archive", "archive", "--agent", "v0", "--suite", changed, "--junit", "out/diverged.xml", "--agent-timeout", "240");

        Assert.True(diverged.ExitCode == 1, diverged.ToString());
        Assert.Contains($"replay: task {Task}, exchange 1: the request differs from the recorded one at $.messages[3].content: texts differ at character", diverged.All);
        var failure = Assert.Single(XDocument.Load(work.Combine("out", "diverged.xml")).Descendants("failure"));
        Assert.Equal("unrecorded_request", (string?)failure.Attribute("type"));
    }

    private static ScriptedResponse ToolCall(string name, JsonObject arguments) =>
        OpenAIWire.Completion(null, promptTokens: 100, completionTokens: 10, toolCalls: [new OpenAIWire.ToolCall(name, arguments)]);

    private static void CopyDirectory(string from, string to)
    {
        foreach (var file in Directory.GetFiles(from, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(to, Path.GetRelativePath(from, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target, overwrite: true);
        }
    }
}
