using System.Text.Json;
using System.Text.Json.Nodes;
using Evolver.Llm.Tests.Protocol;
using Microsoft.SemanticKernel;
using Microsoft.SemanticKernel.ChatCompletion;
using Microsoft.SemanticKernel.Connectors.OpenAI;
using Xunit;

namespace Evolver.Llm.Tests;

/// <summary>Tool use through the Anthropic chat service, against the provider test double speaking the Messages API.</summary>
public sealed class AnthropicToolTests : IDisposable
{
    private readonly ProviderTestServer server = ProviderTestServer.Start();

    public void Dispose() => server.Dispose();

    [Fact]
    public async Task GetChatMessageContentsAsync_OfferedFunctions_SendsToolsAndReturnsToolUseAsFunctionCalls()
    {
        var input = new JsonObject { ["command"] = "ls -la", ["timeout"] = 30 };
        server.Enqueue(AnthropicWire.ToolUse("Let me look.", [("toolu_01", "bash", input)], inputTokens: 300, outputTokens: 40));
        using var client = Client();
        var settings = new OpenAIPromptExecutionSettings { MaxTokens = 100, FunctionChoiceBehavior = FunctionChoiceBehavior.Auto([Bash()], autoInvoke: false) };

        var replies = await client.ChatCompletion.GetChatMessageContentsAsync(History(), settings, new Kernel(), CancellationToken.None);

        var body = Assert.Single(server.Requests).Json;
        Assert.Equal(100, (int)body["max_tokens"]!);
        var tool = body["tools"]![0]!;
        Assert.Equal("bash", (string?)tool["name"]);
        Assert.Equal("Run a command.", (string?)tool["description"]);
        Assert.Equal("object", (string?)tool["input_schema"]!["type"]);
        Assert.Equal("string", (string?)tool["input_schema"]!["properties"]!["command"]!["type"]);
        Assert.Equal(["command"], tool["input_schema"]!["required"]!.AsArray().Select(r => (string)r!));
        Assert.Equal("auto", (string?)body["tool_choice"]!["type"]);

        var reply = Assert.Single(replies);
        Assert.Equal("Let me look.", reply.Content);
        var call = Assert.Single(reply.Items.OfType<FunctionCallContent>());
        Assert.Equal(("toolu_01", "bash"), (call.Id, call.FunctionName));
        Assert.Equal("ls -la", ((JsonElement)call.Arguments!["command"]!).GetString());
        Assert.Equal(30, ((JsonElement)call.Arguments!["timeout"]!).GetInt32());
    }

    [Fact]
    public async Task GetChatMessageContentsAsync_CallsAndResultsInHistory_SendsToolUseThenOneUserTurnOfToolResults()
    {
        server.Enqueue(AnthropicWire.Message("Both done."));
        using var client = Client();
        var history = History();
        var assistant = new ChatMessageContent(AuthorRole.Assistant, "Running both.");
        assistant.Items.Add(new FunctionCallContent("bash", null, "toolu_a", new KernelArguments { ["command"] = JsonSerializer.SerializeToElement("ls") }));
        assistant.Items.Add(new FunctionCallContent("bash", null, "toolu_b", new KernelArguments { ["command"] = JsonSerializer.SerializeToElement("pwd") }));
        history.Add(assistant);
        foreach (var (id, output) in new[] { ("toolu_a", "a.txt"), ("toolu_b", "/repo") })
        {
            var tool = new ChatMessageContent(AuthorRole.Tool, items: []);
            tool.Items.Add(new FunctionResultContent("bash", null, id, output));
            history.Add(tool);
        }

        var settings = new OpenAIPromptExecutionSettings { FunctionChoiceBehavior = FunctionChoiceBehavior.Required([Bash()], autoInvoke: false) };
        await client.ChatCompletion.GetChatMessageContentsAsync(history, settings, new Kernel(), CancellationToken.None);

        var body = Assert.Single(server.Requests).Json;
        Assert.Equal("system prompt", (string?)body["system"]);
        var messages = body["messages"]!.AsArray();
        Assert.Equal(["user", "assistant", "user"], messages.Select(m => (string)m!["role"]!));
        var blocks = messages[1]!["content"]!.AsArray();
        Assert.Equal(["text", "tool_use", "tool_use"], blocks.Select(b => (string)b!["type"]!));
        Assert.Equal("Running both.", (string?)blocks[0]!["text"]);
        Assert.Equal(("toolu_b", "bash"), ((string)blocks[2]!["id"]!, (string)blocks[2]!["name"]!));
        Assert.True(JsonNode.DeepEquals(new JsonObject { ["command"] = "pwd" }, blocks[2]!["input"]));
        var results = messages[2]!["content"]!.AsArray();
        Assert.Equal(["toolu_a", "toolu_b"], results.Select(r => (string)r!["tool_use_id"]!));
        Assert.All(results, r => Assert.Equal("tool_result", (string?)r!["type"]));
        Assert.Equal("/repo", (string?)results[1]!["content"]);
        Assert.True(JsonNode.DeepEquals(new JsonObject { ["type"] = "tool", ["name"] = "bash" }, body["tool_choice"]));
    }

    private static ChatHistory History()
    {
        var history = new ChatHistory("system prompt");
        history.AddUserMessage("list the files");
        return history;
    }

    private static KernelFunction Bash() => KernelFunctionFactory.CreateFromMethod(
        static () => "never invoked",
        new KernelFunctionFromMethodOptions
        {
            FunctionName = "bash",
            Description = "Run a command.",
            Parameters =
            [
                new KernelParameterMetadata("command") { IsRequired = true, Schema = KernelJsonSchema.Parse("""{"type":"string"}""") },
                new KernelParameterMetadata("timeout") { Schema = KernelJsonSchema.Parse("""{"type":"integer"}""") },
            ],
        });

    private LlmClient Client() => LlmClient.Create(
        new LlmOptions { Provider = LlmProviderKind.Anthropic, BaseUrl = server.BaseUrl, Model = "claude-test", ApiKeyVariable = "ANTHROPIC_API_KEY" },
        TimeProvider.System,
        name => name == "ANTHROPIC_API_KEY" ? "anthropic-test-key" : null);
}
