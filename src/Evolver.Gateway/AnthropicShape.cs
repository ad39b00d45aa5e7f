using System.Text.Json.Nodes;

namespace Evolver.Gateway;

/// <summary>Puts an Anthropic Messages reply (text only) into OpenAI's chat-completion schema for the agent.</summary>
internal static class AnthropicShape
{
    public static (long Input, long Output) Usage(JsonObject message) =>
        (Number(message["usage"]?["input_tokens"]), Number(message["usage"]?["output_tokens"]));

    public static JsonObject Completion(string text, JsonObject message, string model)
    {
        var (input, output) = Usage(message);
        return new JsonObject
        {
            ["id"] = message["id"]?.GetValue<string>() ?? "chatcmpl-anthropic",
            ["object"] = "chat.completion",
            ["created"] = 0,
            ["model"] = model,
            ["choices"] = new JsonArray(new JsonObject
            {
                ["index"] = 0,
                ["message"] = new JsonObject { ["role"] = "assistant", ["content"] = text },
                ["finish_reason"] = FinishReason(message["stop_reason"]?.GetValue<string>()),
            }),
            ["usage"] = new JsonObject { ["prompt_tokens"] = input, ["completion_tokens"] = output, ["total_tokens"] = input + output },
        };
    }

    public static JsonObject Chunk(string text, string model, int index) => new()
    {
        ["id"] = $"chatcmpl-anthropic-{index}",
        ["object"] = "chat.completion.chunk",
        ["created"] = 0,
        ["model"] = model,
        ["choices"] = new JsonArray(new JsonObject
        {
            ["index"] = 0,
            ["delta"] = new JsonObject { ["role"] = "assistant", ["content"] = text },
            ["finish_reason"] = "stop",
        }),
    };

    private static string FinishReason(string? stop) => stop switch
    {
        "max_tokens" => "length",
        "tool_use" => "tool_calls",
        "refusal" => "content_filter",
        _ => "stop",
    };

    private static long Number(JsonNode? node) => node is JsonValue v && v.TryGetValue<long>(out var n) ? n : 0;
}
