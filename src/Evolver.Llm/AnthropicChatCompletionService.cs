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
/// Text and tool use: tools offered through a <see cref="FunctionChoiceBehavior"/> are sent (see <see cref="AnthropicRequest"/>),
/// and the reply's <c>tool_use</c> blocks come back as <see cref="FunctionCallContent"/> items, never invoked here.
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
            Content = new StringContent(AnthropicRequest.Build(chatHistory, executionSettings, kernel, options).ToJsonString(), Encoding.UTF8, "application/json"),
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

    /// <summary>Not streamed from the provider: the whole reply (its raw message as inner content) arrives as one update.</summary>
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
        var message = new ChatMessageContent(AuthorRole.Assistant, text, reply["model"]?.GetValue<string>() ?? options.Model, reply, Encoding.UTF8, metadata);
        foreach (var use in blocks.OfType<JsonObject>().Where(b => b["type"]?.GetValue<string>() == "tool_use"))
        {
            var arguments = new KernelArguments();
            foreach (var (key, value) in use["input"] as JsonObject ?? [])
            {
                // JsonElements serialize back to the same JSON when the call is sent again.
                arguments[key] = value is null ? null : JsonSerializer.SerializeToElement(value);
            }

            message.Items.Add(new FunctionCallContent(
                use["name"]?.GetValue<string>() ?? throw new InvalidDataException("an Anthropic tool_use block has no name"),
                pluginName: null,
                use["id"]?.GetValue<string>(),
                arguments));
        }

        return message;
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
