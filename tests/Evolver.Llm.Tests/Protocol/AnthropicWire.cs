using System.Text.Json.Nodes;

namespace Evolver.Llm.Tests.Protocol;

/// <summary>Builds bodies in the exact schema of Anthropic's <c>POST /v1/messages</c> (non-streaming) and its errors.</summary>
internal static class AnthropicWire
{
    /// <summary>A 200 message with text content and usage.</summary>
    public static ScriptedResponse Message(string text, int inputTokens = 100, int outputTokens = 20, string stopReason = "end_turn", string model = "claude-test") =>
        new(200, new JsonObject
        {
            ["id"] = "msg_test" + Guid.NewGuid().ToString("N")[..12],
            ["type"] = "message",
            ["role"] = "assistant",
            ["model"] = model,
            ["content"] = new JsonArray(new JsonObject { ["type"] = "text", ["text"] = text }),
            ["stop_reason"] = stopReason,
            ["stop_sequence"] = null,
            ["usage"] = new JsonObject { ["input_tokens"] = inputTokens, ["output_tokens"] = outputTokens },
        }.ToJsonString());

    /// <summary>A 200 message that calls tools: optional text, then one <c>tool_use</c> block per call, stop reason <c>tool_use</c>.</summary>
    public static ScriptedResponse ToolUse(string? text, IReadOnlyList<(string Id, string Name, JsonObject Input)> calls, int inputTokens = 100, int outputTokens = 20, string model = "claude-test")
    {
        var content = new JsonArray();
        if (text is not null)
        {
            content.Add(new JsonObject { ["type"] = "text", ["text"] = text });
        }

        foreach (var (id, name, input) in calls)
        {
            content.Add(new JsonObject { ["type"] = "tool_use", ["id"] = id, ["name"] = name, ["input"] = input.DeepClone() });
        }

        return new(200, new JsonObject
        {
            ["id"] = "msg_test" + Guid.NewGuid().ToString("N")[..12],
            ["type"] = "message",
            ["role"] = "assistant",
            ["model"] = model,
            ["content"] = content,
            ["stop_reason"] = "tool_use",
            ["stop_sequence"] = null,
            ["usage"] = new JsonObject { ["input_tokens"] = inputTokens, ["output_tokens"] = outputTokens },
        }.ToJsonString());
    }

    /// <summary>An error in Anthropic's schema (<c>overloaded_error</c> comes with 529).</summary>
    public static ScriptedResponse Error(int status, string type, string message, IReadOnlyDictionary<string, string>? headers = null) =>
        new(status, new JsonObject
        {
            ["type"] = "error",
            ["error"] = new JsonObject { ["type"] = type, ["message"] = message },
        }.ToJsonString(), headers);
}
