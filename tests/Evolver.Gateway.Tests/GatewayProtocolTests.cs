using System.Diagnostics;
using System.Text.Json.Nodes;
using Evolver.Core;
using Evolver.Llm;
using Evolver.Llm.Tests.Protocol;
using Xunit;

namespace Evolver.Gateway.Tests;

/// <summary>The gateway between an agent (the SDK's socket client) and a provider speaking OpenAI's wire protocol.</summary>
public sealed class GatewayProtocolTests
{
    private static readonly GatewayScope Scope = new("run-1", "child-1", "task-1");

    [Fact]
    public async Task Chat_PlainRequest_ForwardsThroughTheSocketAndMetersTheTaskRun()
    {
        await using var bed = await GatewayBed.StartAsync();
        bed.Provider.Enqueue(OpenAIWire.Completion("hello from the provider", promptTokens: 1000, completionTokens: 500));
        var grant = bed.Gateway.Open(Scope);
        using var http = bed.Info(grant).CreateHttpClient();

        var (status, body) = await GatewayBed.PostAsync(http, GatewayBed.Chat("say hello"));

        Assert.True(status == 200, body);
        var reply = JsonNode.Parse(body)!;
        Assert.Equal("hello from the provider", (string?)reply["choices"]![0]!["message"]!["content"]);
        Assert.Equal(1500, (int)reply["usage"]!["total_tokens"]!);
        var sent = Assert.Single(bed.Provider.Requests);
        Assert.Equal("/v1/chat/completions", sent.Path);
        Assert.Equal("Bearer sk-provider-key-in-harness-only", sent.Headers["authorization"]);
        Assert.Equal(GatewayBed.Model, (string?)sent.Json["model"]);
        Assert.Equal([("system", "be brief"), ("user", "say hello")], sent.Messages);

        var usage = bed.Gateway.Close(grant);
        Assert.Equal(1, usage.Calls);
        Assert.Equal(1000, usage.InputTokens);
        Assert.Equal(500, usage.OutputTokens);
        Assert.Equal(0.006, usage.CostUsd, 9); // 1000 × $2/M + 500 × $8/M
        var exchange = JsonNode.Parse(Assert.Single(usage.Exchanges))!;
        Assert.Equal(0, (int)exchange["index"]!);
        Assert.Equal("task-1", (string?)exchange["task"]);
        Assert.Equal("child-1", (string?)exchange["child"]);
        Assert.Equal(200, (int)exchange["status"]!);
        Assert.Equal("say hello", (string?)exchange["request"]!["messages"]![1]!["content"]);
        Assert.Equal("hello from the provider", (string?)exchange["response"]!["choices"]![0]!["message"]!["content"]);
        Assert.True((double)exchange["latency_ms"]! > 0);
        Assert.DoesNotContain("sk-provider-key", string.Concat(usage.Exchanges));
    }

    [Fact]
    public async Task Chat_ToolDefinitionsAndCalls_RoundTripBetweenAgentAndProvider()
    {
        await using var bed = await GatewayBed.StartAsync();
        var arguments = new JsonObject { ["command"] = "ls -la", ["timeout"] = 30 };
        bed.Provider.Enqueue(OpenAIWire.Completion(null, toolCalls: [new OpenAIWire.ToolCall("bash", arguments, "call_abc")]));
        var grant = bed.Gateway.Open(Scope);
        using var http = bed.Info(grant).CreateHttpClient();
        var request = GatewayBed.WithBash(GatewayBed.Chat("list the files"));
        request["tool_choice"] = "auto";

        var (status, body) = await GatewayBed.PostAsync(http, request);

        Assert.True(status == 200, body);
        var message = JsonNode.Parse(body)!["choices"]![0]!;
        Assert.Equal("tool_calls", (string?)message["finish_reason"]);
        var call = message["message"]!["tool_calls"]![0]!;
        Assert.Equal("call_abc", (string?)call["id"]);
        Assert.Equal("bash", (string?)call["function"]!["name"]);
        Assert.True(JsonNode.DeepEquals(arguments, JsonNode.Parse((string)call["function"]!["arguments"]!)));
        var tool = bed.Provider.Requests[0].Json["tools"]![0]!["function"]!;
        Assert.Equal("bash", (string?)tool["name"]);
        Assert.Equal("Run a command.", (string?)tool["description"]);
        Assert.Equal("string", (string?)tool["parameters"]!["properties"]!["command"]!["type"]);
        Assert.Equal(["command"], tool["parameters"]!["required"]!.AsArray().Select(r => (string)r!));

        // The next turn carries the assistant's call and the tool's result back to the provider.
        bed.Provider.Enqueue(OpenAIWire.Completion("done"));
        var next = request.DeepClone().AsObject();
        next["messages"]!.AsArray().Add(message["message"]!.DeepClone());
        next["messages"]!.AsArray().Add(new JsonObject { ["role"] = "tool", ["tool_call_id"] = "call_abc", ["content"] = "total 0" });
        (status, body) = await GatewayBed.PostAsync(http, next);

        Assert.True(status == 200, body);
        var messages = bed.Provider.Requests[1].Json["messages"]!.AsArray();
        Assert.Equal(4, messages.Count);
        Assert.Equal("call_abc", (string?)messages[2]!["tool_calls"]![0]!["id"]);
        Assert.Equal("bash", (string?)messages[2]!["tool_calls"]![0]!["function"]!["name"]);
        Assert.True(JsonNode.DeepEquals(arguments, JsonNode.Parse((string)messages[2]!["tool_calls"]![0]!["function"]!["arguments"]!)));
        Assert.Equal("tool", (string?)messages[3]!["role"]);
        Assert.Equal("call_abc", (string?)messages[3]!["tool_call_id"]);
        Assert.Equal("total 0", (string?)messages[3]!["content"]);
    }

    [Fact]
    public async Task Chat_Streaming_SendsServerSentEventsEndingInDoneAndRecordsTheChunks()
    {
        await using var bed = await GatewayBed.StartAsync();
        bed.Provider.Enqueue(StreamWire.Text(["Hel", "lo", " there"], promptTokens: 40, completionTokens: 3));
        var grant = bed.Gateway.Open(Scope);
        using var http = bed.Info(grant).CreateHttpClient();

        using var response = await http.PostAsync("chat/completions", new StringContent(GatewayBed.Chat("hi", stream: true).ToJsonString(), System.Text.Encoding.UTF8, "application/json"));
        var body = await response.Content.ReadAsStringAsync();

        Assert.Equal(200, (int)response.StatusCode);
        Assert.Equal("text/event-stream", response.Content.Headers.ContentType?.MediaType);
        var events = StreamWire.Events(body);
        Assert.Equal("[DONE]", events[^1]);
        var chunks = events.SkipLast(1).Select(e => JsonNode.Parse(e)!).ToList();
        Assert.All(chunks, c => Assert.Equal("chat.completion.chunk", (string?)c["object"]));
        var text = string.Concat(chunks.Select(c => (string?)c["choices"]?.AsArray().FirstOrDefault()?["delta"]?["content"]));
        Assert.Equal("Hello there", text);
        Assert.True(bed.Provider.Requests[0].Json["stream"]!.GetValue<bool>());

        var usage = bed.Gateway.Close(grant);
        Assert.Equal(40, usage.InputTokens);
        Assert.Equal(3, usage.OutputTokens);
        var exchange = JsonNode.Parse(Assert.Single(usage.Exchanges))!;
        Assert.Equal(chunks.Count, exchange["chunks"]!.AsArray().Count);
    }

    [Fact]
    public async Task Chat_MalformedProviderReply_GivesTheAgentA502AndTheGatewayKeepsServing()
    {
        await using var bed = await GatewayBed.StartAsync(new LlmOptions { MaxRetries = 0 });
        bed.Provider.Enqueue(new ScriptedResponse(200, "{\"id\": \"chatcmpl-x\", \"choices\": [ {\"index\": 0, \"message\": "), OpenAIWire.Completion("fine again"));
        var grant = bed.Gateway.Open(Scope);
        using var http = bed.Info(grant).CreateHttpClient();

        var (status, body) = await GatewayBed.PostAsync(http, GatewayBed.Chat("one"));
        Assert.Equal(502, status);
        Assert.Contains("Malformed", (string?)JsonNode.Parse(body)!["error"]!["message"]);

        (status, body) = await GatewayBed.PostAsync(http, GatewayBed.Chat("two"));
        Assert.True(status == 200, body);
        var usage = bed.Gateway.Close(grant);
        Assert.Equal(2, usage.Calls);
        Assert.Equal(502, (int)JsonNode.Parse(usage.Exchanges[0])!["status"]!);
    }

    [Fact]
    public async Task Chat_SlowProvider_TimesOutAs504WithinTheConfiguredTime()
    {
        await using var bed = await GatewayBed.StartAsync(new LlmOptions { MaxRetries = 0, RequestTimeout = TimeSpan.FromMilliseconds(500), TotalTimeout = TimeSpan.FromSeconds(5) });
        bed.Provider.Enqueue(OpenAIWire.Completion("too late") with { Delay = TimeSpan.FromSeconds(5) });
        var grant = bed.Gateway.Open(Scope);
        using var http = bed.Info(grant).CreateHttpClient();

        var watch = Stopwatch.StartNew();
        var (status, body) = await GatewayBed.PostAsync(http, GatewayBed.Chat("are you there"));

        Assert.Equal(504, status);
        Assert.Contains("Timeout", body);
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(4), $"took {watch.Elapsed}");
    }

    [Fact]
    public async Task Chat_ProviderDropsTheConnectionMidBody_GivesTheAgentA502AndTheNextCallWorks()
    {
        await using var bed = await GatewayBed.StartAsync(new LlmOptions { MaxRetries = 0 });
        bed.Provider.Enqueue(OpenAIWire.Completion("never whole") with { DropAfterBytes = 40 }, OpenAIWire.Completion("whole"));
        var grant = bed.Gateway.Open(Scope);
        using var http = bed.Info(grant).CreateHttpClient();

        var (status, body) = await GatewayBed.PostAsync(http, GatewayBed.Chat("hello?"));

        Assert.Equal(502, status);
        Assert.Equal("provider_error", (string?)JsonNode.Parse(body)!["error"]!["type"]);
        (status, body) = await GatewayBed.PostAsync(http, GatewayBed.Chat("again"));
        Assert.True(status == 200, body);
        Assert.Equal("whole", (string?)JsonNode.Parse(body)!["choices"]![0]!["message"]!["content"]);
    }

    [Fact]
    public async Task Models_WithToken_ListsTheConfiguredModel()
    {
        await using var bed = await GatewayBed.StartAsync();
        var grant = bed.Gateway.Open(Scope);
        using var http = bed.Info(grant).CreateHttpClient();

        var body = JsonNode.Parse(await http.GetStringAsync("models"))!;

        Assert.Equal(GatewayBed.Model, (string?)body["data"]![0]!["id"]);
    }
}
