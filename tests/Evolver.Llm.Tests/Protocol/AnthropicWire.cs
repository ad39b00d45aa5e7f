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

    /// <summary>An error in Anthropic's schema (<c>overloaded_error</c> comes with 529).</summary>
    public static ScriptedResponse Error(int status, string type, string message, IReadOnlyDictionary<string, string>? headers = null) =>
        new(status, new JsonObject
        {
            ["type"] = "error",
            ["error"] = new JsonObject { ["type"] = type, ["message"] = message },
        }.ToJsonString(), headers);
}
