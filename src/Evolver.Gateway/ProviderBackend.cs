using System.ClientModel.Primitives;
using System.Text.Json.Nodes;
using Evolver.Llm;
using Microsoft.SemanticKernel;
using OpenAI.Chat;

namespace Evolver.Gateway;

/// <summary>
/// Forwards agents' requests to the configured provider through Semantic Kernel (<see cref="LlmClient.ChatCompletion"/>,
/// with its retries and reply caps). OpenAI-compatible providers answer in the wire schema they sent (the OpenAI client's
/// own model of it); Anthropic's reply (text and tool use) is put into that schema.
/// </summary>
internal sealed class ProviderBackend(LlmClient client, TimeProvider time) : IChatBackend
{
    private readonly LlmPrice? price = client.Options.Prices.GetValueOrDefault(client.Options.Model);

    public string Model => client.Options.Model;

    public double Cost(long inputTokens, long outputTokens) => (double)(price?.Cost(inputTokens, outputTokens) ?? 0m);

    public async Task<BackendReply> AnswerAsync(
        GatewaySession session, int index, JsonObject request, Func<JsonObject, Task> chunk, CancellationToken cancellationToken)
    {
        var (chat, error) = ChatRequestReader.Read(request, client.Options);
        if (chat is null)
        {
            return BackendReply.Failure(400, "the gateway cannot read this request: " + error, "invalid_request_error");
        }

        var kernel = chat.HasTools ? new Kernel() : null;
        var trace = CallTrace.Begin();
        using var timeout = new CancellationTokenSource(client.Options.TotalTimeout, time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);
        try
        {
            if (!chat.Stream)
            {
                var replies = await client.ChatCompletion.GetChatMessageContentsAsync(chat.History, chat.Settings, kernel, linked.Token).ConfigureAwait(false);
                return replies.Count == 0
                    ? BackendReply.Failure(502, "the provider returned no choice", "provider_error")
                    : Completion(replies[0]);
            }

            var chunks = new List<JsonObject>();
            long input = 0, output = 0;
            await foreach (var update in client.ChatCompletion.GetStreamingChatMessageContentsAsync(chat.History, chat.Settings, kernel, linked.Token).ConfigureAwait(false))
            {
                JsonObject json;
                if (update.InnerContent is StreamingChatCompletionUpdate inner)
                {
                    json = JsonNode.Parse(ModelReaderWriter.Write(inner).ToString())!.AsObject();
                    input = inner.Usage?.InputTokenCount ?? input;
                    output = inner.Usage?.OutputTokenCount ?? output;
                }
                else
                {
                    var message = update.InnerContent as JsonObject ?? new JsonObject { ["content"] = new JsonArray(new JsonObject { ["type"] = "text", ["text"] = update.Content ?? "" }) };
                    json = AnthropicShape.Chunk(message, update.ModelId ?? Model, index);
                    (input, output) = AnthropicShape.Usage(message);
                }

                chunks.Add(json);
                await chunk(json).ConfigureAwait(false);
            }

            return new BackendReply(200, null) { Chunks = chunks, InputTokens = input, OutputTokens = output };
        }
        catch (Exception e) when (!cancellationToken.IsCancellationRequested
            && FailureClassifier.Classify(e, timeout.IsCancellationRequested, trace.LastStatus is >= 200 and < 300) is { } failure)
        {
            var status = failure.Kind switch
            {
                LlmFailureKind.HttpError when failure.Status is 400 or 404 or 413 or 422 => failure.Status.Value,
                LlmFailureKind.HttpError when failure.Status is 429 or >= 500 => 503,
                LlmFailureKind.Timeout => 504,
                _ => 502,
            };
            return BackendReply.Failure(status, $"the provider failed ({failure.Kind}): {failure.Message}", "provider_error");
        }
    }

    private BackendReply Completion(Microsoft.SemanticKernel.ChatMessageContent reply)
    {
        if (reply.InnerContent is ChatCompletion completion)
        {
            var body = JsonNode.Parse(ModelReaderWriter.Write(completion).ToString())!.AsObject();
            return new BackendReply(200, body) { InputTokens = completion.Usage?.InputTokenCount ?? 0, OutputTokens = completion.Usage?.OutputTokenCount ?? 0 };
        }

        var message = reply.InnerContent as JsonObject ?? [];
        var (input, output) = AnthropicShape.Usage(message);
        return new BackendReply(200, AnthropicShape.Completion(message, reply.ModelId ?? Model)) { InputTokens = input, OutputTokens = output };
    }
}
