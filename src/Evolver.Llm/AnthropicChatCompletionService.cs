using System.Globalization;
using System.Net.Http.Headers;
using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.SemanticKernel;
using Microsoft.SemanticKernel.ChatCompletion;
using Microsoft.SemanticKernel.Services;

namespace Evolver.Llm;

/// <summary>
/// Anthropic's Messages API as a Semantic Kernel chat service, over the same <see cref="HttpClient"/> (retries, caps) as
/// the OpenAI connector, since no SK connector for it restores from the package feed this project uses.
/// Text messages only: system messages become the <c>system</c> field, user and assistant messages alternate as sent.
/// </summary>
internal sealed class AnthropicChatCompletionService(HttpClient http, LlmOptions options, string? apiKey) : IChatCompletionService
{
    /// <summary>The API version header every request carries.</summary>
    public const string ApiVersion = "2023-06-01";

    public IReadOnlyDictionary<string, object?> Attributes { get; } = new Dictionary<string, object?>
    {
        [AIServiceExtensions.ModelIdKey] = options.Model,
        [AIServiceExtensions.EndpointKey] = options.EffectiveBaseUrl,
    };

    public async Task<IReadOnlyList<ChatMessageContent>> GetChatMessageContentsAsync(
        ChatHistory chatHistory, PromptExecutionSettings? executionSettings = null, Kernel? kernel = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(chatHistory);
        var uri = new Uri(options.EffectiveBaseUrl + "/messages");
        using var request = new HttpRequestMessage(HttpMethod.Post, uri)
        {
            Content = new StringContent(RequestBody(chatHistory).ToJsonString(), Encoding.UTF8, "application/json"),
        };
        request.Headers.Add("anthropic-version", ApiVersion);
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        if (apiKey is not null)
        {
            request.Headers.Add("x-api-key", apiKey);
        }

        using var response = await http.SendAsync(request, cancellationToken).ConfigureAwait(false);
        var body = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
        if (!response.IsSuccessStatusCode)
        {
            throw new HttpOperationException(response.StatusCode, body, $"Anthropic answered {(int)response.StatusCode}: {ErrorMessage(body)}", null);
        }

        return [Parse(body)];
    }

    /// <summary>Not streamed: the whole reply arrives as one update.</summary>
    public async IAsyncEnumerable<StreamingChatMessageContent> GetStreamingChatMessageContentsAsync(
        ChatHistory chatHistory,
        PromptExecutionSettings? executionSettings = null,
        Kernel? kernel = null,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var replies = await GetChatMessageContentsAsync(chatHistory, executionSettings, kernel, cancellationToken).ConfigureAwait(false);
        foreach (var reply in replies)
        {
            yield return new StreamingChatMessageContent(reply.Role, reply.Content, reply.InnerContent, 0, reply.ModelId, Encoding.UTF8, reply.Metadata);
        }
    }

    private JsonObject RequestBody(ChatHistory history)
    {
        var system = new List<string>();
        var messages = new JsonArray();
        foreach (var message in history)
        {
            if (message.Role == AuthorRole.System)
            {
                system.Add(message.Content ?? "");
            }
            else if (message.Role == AuthorRole.User || message.Role == AuthorRole.Assistant)
            {
                messages.Add(new JsonObject { ["role"] = message.Role.Label, ["content"] = message.Content ?? "" });
            }
            else
            {
                throw new NotSupportedException($"the Anthropic service sends text messages only, not role '{message.Role.Label}'");
            }
        }

        var body = new JsonObject { ["model"] = options.Model, ["max_tokens"] = options.MaxTokens };
        if (system.Count > 0)
        {
            body["system"] = string.Join("\n\n", system);
        }

        body["messages"] = messages;
        if (options.Temperature is { } temperature)
        {
            body["temperature"] = temperature;
        }

        return body;
    }

    private ChatMessageContent Parse(string body)
    {
        JsonNode? root;
        try
        {
            root = JsonNode.Parse(body);
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"the Anthropic reply is not JSON: {e.Message}", e);
        }

        if (root is not JsonObject reply || reply["type"]?.GetValue<string>() != "message" || reply["content"] is not JsonArray blocks)
        {
            throw new InvalidDataException("the Anthropic reply is not a message object with a content array");
        }

        var text = string.Concat(blocks.OfType<JsonObject>()
            .Where(b => b["type"]?.GetValue<string>() == "text")
            .Select(b => b["text"]?.GetValue<string>() ?? ""));
        var usage = reply["usage"] as JsonObject;
        var metadata = new Dictionary<string, object?>
        {
            [ReplyMetadata.FinishReason] = reply["stop_reason"]?.GetValue<string>(),
            [ReplyMetadata.InputTokens] = Tokens(usage, "input_tokens"),
            [ReplyMetadata.OutputTokens] = Tokens(usage, "output_tokens"),
        };
        return new ChatMessageContent(AuthorRole.Assistant, text, reply["model"]?.GetValue<string>() ?? options.Model, reply, Encoding.UTF8, metadata);
    }

    private static long Tokens(JsonObject? usage, string name) =>
        usage?[name] is JsonValue value && value.TryGetValue<long>(out var n) ? n : 0;

    private static string ErrorMessage(string body)
    {
        try
        {
            return JsonNode.Parse(body)?["error"]?["message"]?.GetValue<string>() ?? Truncate(body);
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException)
        {
            return Truncate(body);
        }
    }

    private static string Truncate(string text) =>
        text.Length <= 300 ? text : text[..300] + string.Create(CultureInfo.InvariantCulture, $"… ({text.Length} chars)");
}
