using System.Text.Json.Nodes;

/// <summary>One reply of the model: its message as sent (to append to the conversation), its text and tool calls, and its token count.</summary>
internal sealed record ChatReply(JsonObject? Message, string? Content, IReadOnlyList<ToolCall> ToolCalls, long TotalTokens, string? Error)
{
    public static ChatReply Failed(string error) => new(null, null, [], 0, error);

    /// <summary>Reads the first choice of a chat completion.</summary>
    public static ChatReply Parse(string json)
    {
        var root = JsonNode.Parse(json);
        if (root?["choices"]?[0]?["message"] is not JsonObject message)
        {
            return Failed("the reply holds no message");
        }

        var calls = new List<ToolCall>();
        if (message["tool_calls"] is JsonArray toolCalls)
        {
            foreach (var call in toolCalls)
            {
                var function = call?["function"];
                calls.Add(new ToolCall(
                    call?["id"]?.GetValue<string>() ?? $"call_{calls.Count}",
                    function?["name"]?.GetValue<string>() ?? "",
                    function?["arguments"]?.GetValue<string>() ?? "{}"));
            }
        }

        var tokens = root["usage"]?["total_tokens"]?.GetValue<long>() ?? 0;
        return new ChatReply(message, message["content"]?.GetValue<string>(), calls, tokens, null);
    }
}
