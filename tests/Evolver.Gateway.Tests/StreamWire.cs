using System.Text;
using System.Text.Json.Nodes;
using Evolver.Llm.Tests.Protocol;

namespace Evolver.Gateway.Tests;

/// <summary>Builds streamed (server-sent events) bodies in the exact schema of OpenAI's <c>chat.completion.chunk</c>.</summary>
internal static class StreamWire
{
    /// <summary>A streamed text reply: a role chunk, one chunk per piece, a finish chunk, a usage chunk, then [DONE].</summary>
    public static ScriptedResponse Text(IReadOnlyList<string> pieces, int promptTokens = 50, int completionTokens = 7)
    {
        var chunks = new List<JsonObject> { Chunk(new JsonObject { ["role"] = "assistant", ["content"] = "" }, null) };
        chunks.AddRange(pieces.Select(p => Chunk(new JsonObject { ["content"] = p }, null)));
        chunks.Add(Chunk([], "stop"));
        var usage = Chunk(null, null);
        usage["choices"] = new JsonArray();
        usage["usage"] = new JsonObject { ["prompt_tokens"] = promptTokens, ["completion_tokens"] = completionTokens, ["total_tokens"] = promptTokens + completionTokens };
        chunks.Add(usage);
        var body = new StringBuilder();
        foreach (var chunk in chunks)
        {
            body.Append("data: ").Append(chunk.ToJsonString()).Append("\n\n");
        }

        body.Append("data: [DONE]\n\n");
        return new ScriptedResponse(200, body.ToString(), Chunked: true, ContentType: "text/event-stream");
    }

    /// <summary>The data payloads of an SSE body, [DONE] included.</summary>
    public static IReadOnlyList<string> Events(string body) =>
        [.. body.Split("\n\n", StringSplitOptions.RemoveEmptyEntries).Select(e => e.Trim()).Where(e => e.StartsWith("data: ", StringComparison.Ordinal)).Select(e => e["data: ".Length..])];

    private static JsonObject Chunk(JsonObject? delta, string? finish)
    {
        var chunk = new JsonObject
        {
            ["id"] = "chatcmpl-stream1",
            ["object"] = "chat.completion.chunk",
            ["created"] = 1_767_225_600,
            ["model"] = "test-model",
            ["system_fingerprint"] = "fp_testdouble",
        };
        if (delta is not null)
        {
            chunk["choices"] = new JsonArray(new JsonObject { ["index"] = 0, ["delta"] = delta, ["logprobs"] = null, ["finish_reason"] = finish });
        }

        return chunk;
    }
}
