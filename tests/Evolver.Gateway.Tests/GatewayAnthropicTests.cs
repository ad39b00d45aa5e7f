using System.Text;
using System.Text.Json.Nodes;
using Evolver.Core;
using Evolver.Llm;
using Evolver.Llm.Tests.Protocol;
using Xunit;

namespace Evolver.Gateway.Tests;

/// <summary>
/// An agent speaking OpenAI's protocol to the gateway, the gateway speaking Anthropic's Messages API to the provider
/// test double: tools, tool calls and tool results are translated both ways, plain and streamed toward the agent.
/// </summary>
public sealed class GatewayAnthropicTests
{
    private static readonly GatewayScope Scope = new("run-1", "child-1", "task-1");

    [Fact]
    public async Task Chat_AnthropicProviderWithTools_TranslatesToolsCallsAndResultsBothWays()
    {
        await using var bed = await GatewayBed.StartAsync(new LlmOptions { Provider = LlmProviderKind.Anthropic });
        var arguments = new JsonObject { ["command"] = "ls -la", ["timeout"] = 30 };
        bed.Provider.Enqueue(AnthropicWire.ToolUse("Looking.", [("toolu_01", "bash", arguments)], inputTokens: 1000, outputTokens: 500, model: GatewayBed.Model));
        var grant = bed.Gateway.Open(Scope);
        using var http = bed.Info(grant).CreateHttpClient();
        var request = GatewayBed.WithBash(GatewayBed.Chat("list the files"));

        var (status, body) = await GatewayBed.PostAsync(http, request);

        Assert.True(status == 200, body);
        var sent = bed.Provider.Requests[0];
        Assert.Equal("/v1/messages", sent.Path);
        Assert.Equal("sk-provider-key-in-harness-only", sent.Headers["x-api-key"]);
        Assert.Equal("be brief", (string?)sent.Json["system"]);
        var tool = sent.Json["tools"]![0]!;
        Assert.Equal(("bash", "Run a command."), ((string)tool["name"]!, (string)tool["description"]!));
        Assert.Equal("string", (string?)tool["input_schema"]!["properties"]!["command"]!["type"]);
        Assert.Equal(["command"], tool["input_schema"]!["required"]!.AsArray().Select(r => (string)r!));
        Assert.Equal("auto", (string?)sent.Json["tool_choice"]!["type"]);

        var choice = JsonNode.Parse(body)!["choices"]![0]!;
        Assert.Equal("tool_calls", (string?)choice["finish_reason"]);
        Assert.Equal("Looking.", (string?)choice["message"]!["content"]);
        var call = choice["message"]!["tool_calls"]![0]!;
        Assert.Equal(("toolu_01", "function", "bash"), ((string)call["id"]!, (string)call["type"]!, (string)call["function"]!["name"]!));
        Assert.True(JsonNode.DeepEquals(arguments, JsonNode.Parse((string)call["function"]!["arguments"]!)));
        Assert.Equal(1500, (int)JsonNode.Parse(body)!["usage"]!["total_tokens"]!);

        // The next turn: the assistant's call goes back as tool_use, the tool's output as a tool_result.
        bed.Provider.Enqueue(AnthropicWire.Message("done", inputTokens: 1200, outputTokens: 5, model: GatewayBed.Model));
        var next = request.DeepClone().AsObject();
        next["messages"]!.AsArray().Add(choice["message"]!.DeepClone());
        next["messages"]!.AsArray().Add(new JsonObject { ["role"] = "tool", ["tool_call_id"] = "toolu_01", ["content"] = "total 0" });
        (status, body) = await GatewayBed.PostAsync(http, next);

        Assert.True(status == 200, body);
        Assert.Equal("done", (string?)JsonNode.Parse(body)!["choices"]![0]!["message"]!["content"]);
        var messages = bed.Provider.Requests[1].Json["messages"]!.AsArray();
        Assert.Equal(["user", "assistant", "user"], messages.Select(m => (string)m!["role"]!));
        var use = messages[1]!["content"]!.AsArray().Single(b => (string?)b!["type"] == "tool_use")!;
        Assert.Equal(("toolu_01", "bash"), ((string)use["id"]!, (string)use["name"]!));
        Assert.True(JsonNode.DeepEquals(arguments, use["input"]));
        var result = Assert.Single(messages[2]!["content"]!.AsArray())!;
        Assert.Equal(("tool_result", "toolu_01", "total 0"), ((string)result["type"]!, (string)result["tool_use_id"]!, (string)result["content"]!));

        var usage = bed.Gateway.Close(grant);
        Assert.Equal(2, usage.Calls);
        Assert.Equal((2200, 505), (usage.InputTokens, usage.OutputTokens));
    }

    [Fact]
    public async Task Chat_AnthropicProviderStreamedToolCall_SendsTheCallInAChunkEndingInDone()
    {
        await using var bed = await GatewayBed.StartAsync(new LlmOptions { Provider = LlmProviderKind.Anthropic });
        var arguments = new JsonObject { ["command"] = "cat README.md" };
        bed.Provider.Enqueue(AnthropicWire.ToolUse(null, [("toolu_02", "bash", arguments)], inputTokens: 70, outputTokens: 9, model: GatewayBed.Model));
        var grant = bed.Gateway.Open(Scope);
        using var http = bed.Info(grant).CreateHttpClient();
        var request = GatewayBed.WithBash(GatewayBed.Chat("read the readme", stream: true));

        using var response = await http.PostAsync("chat/completions", new StringContent(request.ToJsonString(), Encoding.UTF8, "application/json"));
        var body = await response.Content.ReadAsStringAsync();

        Assert.Equal(200, (int)response.StatusCode);
        Assert.Equal("text/event-stream", response.Content.Headers.ContentType?.MediaType);
        var events = StreamWire.Events(body);
        Assert.Equal("[DONE]", events[^1]);
        var chunk = JsonNode.Parse(Assert.Single(events.SkipLast(1)))!;
        Assert.Equal("chat.completion.chunk", (string?)chunk["object"]);
        Assert.Equal("tool_calls", (string?)chunk["choices"]![0]!["finish_reason"]);
        var call = chunk["choices"]![0]!["delta"]!["tool_calls"]![0]!;
        Assert.Equal((0, "toolu_02", "bash"), ((int)call["index"]!, (string)call["id"]!, (string)call["function"]!["name"]!));
        Assert.True(JsonNode.DeepEquals(arguments, JsonNode.Parse((string)call["function"]!["arguments"]!)));
        Assert.Null(bed.Provider.Requests[0].Json["stream"]);

        var usage = bed.Gateway.Close(grant);
        Assert.Equal((70, 9), (usage.InputTokens, usage.OutputTokens));
        Assert.Single(JsonNode.Parse(Assert.Single(usage.Exchanges))!["chunks"]!.AsArray());
    }
}
