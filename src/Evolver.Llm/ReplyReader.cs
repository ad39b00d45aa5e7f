using System.Text.Json.Nodes;
using Microsoft.SemanticKernel;
using OpenAI.Chat;
using SkChatMessageContent = Microsoft.SemanticKernel.ChatMessageContent;

namespace Evolver.Llm;

/// <summary>Reads text, finish reason, refusal and token counts from what a chat service returned.</summary>
internal static class ReplyReader
{
    /// <summary><paramref name="exchange"/> completed with the first reply: its text, or a refusal or malformed-reply failure.</summary>
    public static LlmExchange Read(LlmExchange exchange, IReadOnlyList<SkChatMessageContent> replies, LlmPrice? price)
    {
        if (replies.Count == 0)
        {
            return exchange with { Failure = LlmFailureKind.Malformed, FailureMessage = "the provider returned no choice" };
        }

        var reply = replies[0];
        string? finish, refusal = null;
        long input, output;
        if (reply.InnerContent is ChatCompletion completion)
        {
            finish = FinishReason(completion.FinishReason);
            refusal = string.IsNullOrEmpty(completion.Refusal) ? null : completion.Refusal;
            input = completion.Usage?.InputTokenCount ?? 0;
            output = completion.Usage?.OutputTokenCount ?? 0;
        }
        else
        {
            finish = Metadata<string>(reply, ReplyMetadata.FinishReason);
            input = Metadata<long>(reply, ReplyMetadata.InputTokens);
            output = Metadata<long>(reply, ReplyMetadata.OutputTokens);
            if (finish == "refusal" && reply.InnerContent is JsonObject)
            {
                refusal = string.IsNullOrEmpty(reply.Content) ? "(no text)" : reply.Content;
            }
        }

        exchange = exchange with
        {
            FinishReason = finish,
            InputTokens = input,
            OutputTokens = output,
            CostUsd = price?.Cost(input, output) ?? 0m,
        };
        if (refusal is not null || finish == "content_filter")
        {
            return exchange with { Failure = LlmFailureKind.Refused, FailureMessage = $"the model refused ({finish}): {refusal ?? "content filtered"}" };
        }

        if (string.IsNullOrEmpty(reply.Content))
        {
            return exchange with { Failure = LlmFailureKind.Malformed, FailureMessage = $"the reply holds no text (finish reason {finish ?? "none"})" };
        }

        return exchange with { Reply = reply.Content };
    }

    private static T? Metadata<T>(SkChatMessageContent reply, string key) =>
        reply.Metadata is not null && reply.Metadata.TryGetValue(key, out var value) && value is T typed ? typed : default;

    /// <summary>The wire spelling of OpenAI's finish reasons, so records read the same for every provider's protocol.</summary>
    private static string FinishReason(ChatFinishReason reason) => reason switch
    {
        ChatFinishReason.Stop => "stop",
        ChatFinishReason.Length => "length",
        ChatFinishReason.ContentFilter => "content_filter",
        ChatFinishReason.ToolCalls => "tool_calls",
        ChatFinishReason.FunctionCall => "function_call",
        _ => reason.ToString(),
    };
}
