using System.ClientModel;
using System.ClientModel.Primitives;
using Microsoft.SemanticKernel;
using Microsoft.SemanticKernel.ChatCompletion;
using Microsoft.SemanticKernel.Connectors.OpenAI;
using OpenAI;

namespace Evolver.Llm;

/// <summary>
/// The harness's connection to one model: a Semantic Kernel chat service for the configured provider, over an HTTP stack
/// that retries transient failures (Polly) and caps reply sizes, plus <see cref="CompleteAsync"/>, which meters each
/// exchange and turns every expected failure into a value. The provider key lives only in this object.
/// </summary>
public sealed class LlmClient : IDisposable
{
    private readonly HttpClient http;
    private readonly TimeProvider time;
    private readonly LlmPrice? price;

    private LlmClient(LlmOptions options, HttpClient http, IChatCompletionService chat, TimeProvider time)
    {
        Options = options;
        this.http = http;
        ChatCompletion = chat;
        this.time = time;
        price = options.Prices.TryGetValue(options.Model, out var p) ? p : null;
    }

    /// <summary>The options this client was made with.</summary>
    public LlmOptions Options { get; }

    /// <summary>
    /// The Semantic Kernel chat service itself, with the retries and caps, for callers that need SK directly (the
    /// gateway, kernels with plugins). Failures surface there as SK exceptions, not as values.
    /// </summary>
    public IChatCompletionService ChatCompletion { get; }

    /// <summary>Creates a client after checking <paramref name="options"/> and reading the key from the environment.</summary>
    /// <param name="options">What to talk to; validated here.</param>
    /// <param name="time">Clock for timeouts, backoff and latency.</param>
    /// <param name="environment">Reads an environment variable by name; null for the process environment.</param>
    /// <param name="transport">The innermost HTTP handler; null for a new <see cref="SocketsHttpHandler"/>.</param>
    /// <exception cref="ArgumentException">The options are invalid, or the key's environment variable is unset.</exception>
    public static LlmClient Create(LlmOptions options, TimeProvider time, Func<string, string?>? environment = null, HttpMessageHandler? transport = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(time);
        var problems = options.Validate();
        if (problems.Count > 0)
        {
            throw new ArgumentException("invalid LLM options: " + string.Join("; ", problems), nameof(options));
        }

        string? key = null;
        if (options.ApiKeyVariable is { } variable)
        {
            key = (environment ?? Environment.GetEnvironmentVariable)(variable);
            if (string.IsNullOrEmpty(key))
            {
                throw new ArgumentException($"the environment variable {variable} (LLM API key) is not set", nameof(options));
            }
        }

        var handler = new ReplyLimitHandler(options.MaxReplyBytes)
        {
            InnerHandler = new RetryHandler(options, time)
            {
                InnerHandler = transport ?? new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(5) },
            },
        };
        var http = new HttpClient(handler) { Timeout = Timeout.InfiniteTimeSpan };
        IChatCompletionService chat;
        if (options.Provider == LlmProviderKind.Anthropic)
        {
            chat = new AnthropicChatCompletionService(http, options, key);
        }
        else
        {
            if (options.Provider == LlmProviderKind.AzureOpenAI && key is not null)
            {
                // Azure's v1 API takes the key as a bearer token; the api-key header is its older, always-accepted form.
                http.DefaultRequestHeaders.Add("api-key", key);
            }

            var client = new OpenAIClient(
                new ApiKeyCredential(key ?? "no-key"),
                new OpenAIClientOptions
                {
                    Endpoint = new Uri(options.EffectiveBaseUrl),
                    Transport = new HttpClientPipelineTransport(http),
                    RetryPolicy = new ClientRetryPolicy(0), // Polly retries, below; two retry layers would multiply attempts.
                    NetworkTimeout = options.TotalTimeout,
                });
            chat = new OpenAIChatCompletionService(options.Model, client);
        }

        return new LlmClient(options, http, chat, time);
    }

    /// <summary>
    /// Sends <paramref name="history"/> and returns the exchange: the reply, or why there is none (HTTP error after retries,
    /// connection failure, timeout, oversized reply, refusal, malformed reply), with tokens, cost, latency and retries.
    /// </summary>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public async Task<LlmExchange> CompleteAsync(ChatHistory history, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(history);
        var start = time.GetTimestamp();
        var exchange = new LlmExchange
        {
            Provider = Options.Provider,
            Model = Options.Model,
            Request = [.. history.Select(m => new LlmMessage(m.Role.Label, m.Content ?? ""))],
        };
        var trace = CallTrace.Begin();
        using var timeout = new CancellationTokenSource(Options.TotalTimeout, time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);
        try
        {
            var settings = new OpenAIPromptExecutionSettings { MaxTokens = Options.MaxTokens, Temperature = Options.Temperature };
            var replies = await ChatCompletion.GetChatMessageContentsAsync(history, settings, kernel: null, linked.Token).ConfigureAwait(false);
            exchange = ReplyReader.Read(exchange, replies, price);
        }
        catch (Exception e) when (!cancellationToken.IsCancellationRequested
            && FailureClassifier.Classify(e, timeout.IsCancellationRequested, trace.LastStatus is >= 200 and < 300) is { } failure)
        {
            exchange = exchange with { Failure = failure.Kind, FailureMessage = failure.Message, StatusCode = failure.Status };
        }

        return exchange with
        {
            StatusCode = exchange.StatusCode ?? trace.LastStatus,
            Latency = time.GetElapsedTime(start),
            Attempts = trace.Attempts,
            RetryDelays = trace.Delays,
        };
    }

    /// <inheritdoc />
    public void Dispose() => http.Dispose();
}
