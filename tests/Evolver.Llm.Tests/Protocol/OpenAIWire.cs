using System.Text.Json.Nodes;

namespace Evolver.Llm.Tests.Protocol;

/// <summary>Builds bodies in the exact schema of OpenAI's <c>POST /v1/chat/completions</c> (non-streaming) and its errors.</summary>
internal static class OpenAIWire
{
    private static int sequence;

    /// <summary>One tool call of an assistant message: the function's name and its JSON arguments.</summary>
    public sealed record ToolCall(string Name, JsonObject Arguments, string? Id = null);

    /// <summary>A 200 chat completion with one choice and a usage block.</summary>
    public static ScriptedResponse Completion(
        string? content,
        int promptTokens = 100,
        int completionTokens = 20,
        string finishReason = "stop",
        string? refusal = null,
        IReadOnlyList<ToolCall>? toolCalls = null,
        string model = "test-model")
    {
        var n = Interlocked.Increment(ref sequence);
        var message = new JsonObject { ["role"] = "assistant", ["content"] = content, ["refusal"] = refusal };
        if (toolCalls is { Count: > 0 })
        {
            message["tool_calls"] = new JsonArray([.. toolCalls.Select((c, i) => (JsonNode)new JsonObject
            {
                ["id"] = c.Id ?? $"call_{n}_{i}",
                ["type"] = "function",
                ["function"] = new JsonObject { ["name"] = c.Name, ["arguments"] = c.Arguments.ToJsonString() },
            })]);
            finishReason = "tool_calls";
        }

        var body = new JsonObject
        {
            ["id"] = $"chatcmpl-test{n:D6}",
            ["object"] = "chat.completion",
            ["created"] = 1_767_225_600 + n,
            ["model"] = model,
            ["system_fingerprint"] = "fp_testdouble",
            ["choices"] = new JsonArray(new JsonObject
            {
                ["index"] = 0,
                ["message"] = message,
                ["logprobs"] = null,
                ["finish_reason"] = finishReason,
            }),
            ["usage"] = new JsonObject
            {
                ["prompt_tokens"] = promptTokens,
                ["completion_tokens"] = completionTokens,
                ["total_tokens"] = promptTokens + completionTokens,
            },
        };
        return new ScriptedResponse(200, body.ToJsonString());
    }

    /// <summary>An error in OpenAI's schema, with optional headers such as <c>Retry-After</c>.</summary>
    public static ScriptedResponse Error(int status, string message, string type, IReadOnlyDictionary<string, string>? headers = null) =>
        new(status, new JsonObject
        {
            ["error"] = new JsonObject { ["message"] = message, ["type"] = type, ["param"] = null, ["code"] = null },
        }.ToJsonString(), headers);
}
