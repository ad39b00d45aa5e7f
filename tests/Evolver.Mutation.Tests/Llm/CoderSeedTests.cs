using System.Text.Json;
using System.Text.Json.Nodes;
using Evolver.Agents.Sdk;
using Evolver.Llm.Tests.Protocol;
using Xunit;
using Xunit.Abstractions;

namespace Evolver.Mutation.Tests.Llm;

/// <summary>
/// The coder seed, built with AgentBuilder and run on the host as <c>dotnet agent.dll</c>, against the provider test
/// double standing in for the gateway: the double plays a model that issues tool calls, the agent carries them out.
/// </summary>
public sealed class CoderSeedTests(ITestOutputHelper output) : IDisposable
{
    private const string Token = "eval-token-5f2c";
    private readonly ProviderTestServer server = ProviderTestServer.Start();
    private readonly TempDirectory dir = new();

    public void Dispose()
    {
        server.Dispose();
        dir.Dispose();
    }

    [Fact]
    public async Task Run_ModelIssuesToolCalls_AgentFixesTheRepoAndReportsCompleted()
    {
        dir.Write("repo/mathutil.py", "def add(a, b):\n    return a - b\n");
        dir.Write("repo/test_mathutil.py", "from mathutil import add\n\nassert add(2, 3) == 5, add(2, 3)\nprint('ok')\n");
        server.Enqueue(
            ToolCalls(("bash", new JsonObject { ["command"] = "python3 test_mathutil.py" })),
            ToolCalls(("editor", new JsonObject { ["command"] = "view", ["path"] = "mathutil.py" })),
            ToolCalls(("editor", new JsonObject
            {
                ["command"] = "str_replace", ["path"] = "mathutil.py", ["old_str"] = "return a - b", ["new_str"] = "return a + b",
            })),
            ToolCalls(("bash", new JsonObject { ["command"] = "python3 test_mathutil.py" }), ("editor", new JsonObject { ["command"] = "view", ["path"] = "../outside.txt" })),
            OpenAIWire.Completion("Fixed add: it subtracted instead of adding."));

        var (exitCode, report, log) = await RunCoderAsync(llmTokens: null);

        Assert.True(exitCode == 0, log);
        Assert.Equal("completed", report.Status);
        Assert.Equal(5, report.Steps);
        Assert.Equal("Fixed add: it subtracted instead of adding.", report.Summary);
        Assert.Equal("def add(a, b):\n    return a + b\n", File.ReadAllText(dir.Combine("repo", "mathutil.py")));

        var requests = server.Requests;
        Assert.Equal(5, requests.Count);
        Assert.All(requests, r => Assert.Equal("Bearer " + Token, r.Headers["authorization"]));
        Assert.All(requests, r => Assert.Equal("/v1/chat/completions", r.Path));
        Assert.All(requests, r => Assert.Equal("gateway-model", r.Json["model"]!.GetValue<string>()));
        Assert.Equal(["bash", "editor"], requests[0].Json["tools"]!.AsArray().Select(t => t!["function"]!["name"]!.GetValue<string>()));
        Assert.Contains("Add two numbers", requests[0].Messages[1].Content);

        // What the tools did went back to the model, tied to each call's id.
        Assert.Matches(@"^exit code 1\n[\s\S]*AssertionError: -1", ToolResult(requests[1], 0));
        Assert.Contains("     2\t    return a - b", ToolResult(requests[2], 0));
        Assert.Equal("replaced 1 occurrence in mathutil.py", ToolResult(requests[3], 0));
        Assert.Equal("exit code 0\nok\n", ToolResult(requests[4], 0));
        Assert.StartsWith("error: ../outside.txt is outside the repository", ToolResult(requests[4], 1));
        Assert.Equal(0, server.Pending);
    }

    [Fact]
    public async Task Run_TokenBudgetSpent_GivesUpBeforeAskingAgain()
    {
        dir.Write("repo/a.txt", "a\n");
        server.Enqueue(
            OpenAIWire.Completion(null, promptTokens: 900, completionTokens: 200, toolCalls: [new("bash", new JsonObject { ["command"] = "true" })]),
            OpenAIWire.Completion("never asked"));

        var (exitCode, report, log) = await RunCoderAsync(llmTokens: 1000);

        Assert.True(exitCode == 1, log);
        Assert.Equal("gave_up", report.Status);
        Assert.Contains("token budget spent (1100 of 1000)", report.Summary);
        Assert.Single(server.Requests);
    }

    [Fact]
    public async Task Run_GatewayRefusesWith429_GivesUpWithTheGatewaysMessage()
    {
        dir.Write("repo/a.txt", "a\n");
        server.Enqueue(OpenAIWire.Error(429, "token cap of this evaluation reached", "cap_reached"));

        var (exitCode, report, log) = await RunCoderAsync(llmTokens: null);

        Assert.True(exitCode == 1, log);
        Assert.Equal("gave_up", report.Status);
        Assert.Contains("HTTP 429", report.Summary);
        Assert.Contains("token cap of this evaluation reached", report.Summary);
        Assert.Single(server.Requests);
    }

    private static ScriptedResponse ToolCalls(params (string Name, JsonObject Arguments)[] calls) =>
        OpenAIWire.Completion(null, toolCalls: [.. calls.Select(c => new OpenAIWire.ToolCall(c.Name, c.Arguments))]);

    /// <summary>The content of the <paramref name="index"/>-th tool message of the last turn, checked against the call's id.</summary>
    private static string ToolResult(RecordedRequest request, int index)
    {
        var messages = request.Json["messages"]!.AsArray();
        var assistant = messages.Last(m => m!["role"]!.GetValue<string>() == "assistant")!;
        var callId = assistant["tool_calls"]![index]!["id"]!.GetValue<string>();
        var result = messages.Single(m => m!["role"]!.GetValue<string>() == "tool" && m["tool_call_id"]!.GetValue<string>() == callId)!;
        return result["content"]!.GetValue<string>();
    }

    private async Task<(int ExitCode, AgentReport Report, string Log)> RunCoderAsync(long? llmTokens)
    {
        var built = await new AgentBuilder(new AgentBuilderOptions(), TimeProvider.System)
            .BuildAsync(SeedPaths.Seed("coder"), dir.Combine("out"), CancellationToken.None);
        Assert.True(built.Succeeded, built.Describe());
        var context = new AgentContext
        {
            InstanceId = "coder-e2e",
            ProblemStatement = "Add two numbers: `add(2, 3)` returns -1 instead of 5.",
            RepoPath = dir.Combine("repo"),
            Language = "python",
            VisibleTests = ["test_mathutil.py"],
            Budget = new AgentBudget(120, TimeProvider.System.GetUtcNow().AddSeconds(120), 1 << 20, llmTokens),
            Gateway = new GatewayInfo(server.BaseUrl, Token, "gateway-model"),
        };
        var input = dir.Write("input.json", context.ToJson());
        var reportPath = dir.Combine("report", "report.json");

        var (exitCode, log) = await DotnetRun.RunAsync(
            Path.Combine(built.Artifact.BuildDirectory!, AgentBuilder.EntryAssembly), ["--input", input, "--report", reportPath], null, TimeSpan.FromSeconds(120));
        output.WriteLine(log);
        var report = JsonSerializer.Deserialize<AgentReport>(File.ReadAllText(reportPath), AgentContext.JsonOptions)!;
        return (exitCode, report, log);
    }
}
