using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.RegularExpressions;

namespace Evolver.Llm;

/// <summary>
/// Which model the harness talks to and how: provider, endpoint, model, where the key comes from, time limits, retries,
/// size caps and prices. Bindable from the run config's JSON; the key itself is never part of it, only the name of the
/// environment variable holding it. Checked once, by <see cref="LlmClient.Create"/>.
/// </summary>
public sealed partial class LlmOptions
{
    /// <summary>How run configs spell these options: snake_case names, providers by name, comments allowed.</summary>
    public static JsonSerializerOptions JsonOptions { get; } = new(JsonSerializerDefaults.Web)
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        Converters = { new JsonStringEnumConverter() },
        ReadCommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
    };

    /// <summary>The wire protocol. Default <see cref="LlmProviderKind.OpenAI"/>.</summary>
    public LlmProviderKind Provider { get; init; } = LlmProviderKind.OpenAI;

    /// <summary>
    /// The API's base URL, up to and including the version segment (<c>…/v1</c>); null for the provider's public
    /// endpoint (OpenAI <c>https://api.openai.com/v1</c>, Anthropic <c>https://api.anthropic.com/v1</c>). Required for Azure.
    /// </summary>
    public string? BaseUrl { get; init; }

    /// <summary>The model (or Azure deployment) name. Required.</summary>
    public string Model { get; init; } = "";

    /// <summary>
    /// The NAME of the environment variable that holds the API key, for example <c>OPENAI_API_KEY</c>; null for local
    /// servers that take no key (vLLM, Ollama, llama.cpp). The key is read from the harness's environment when the client
    /// is created and never written anywhere.
    /// </summary>
    public string? ApiKeyVariable { get; init; }

    /// <summary>Longest wait for one HTTP attempt's response headers. Default 2 minutes.</summary>
    public TimeSpan RequestTimeout { get; init; } = TimeSpan.FromMinutes(2);

    /// <summary>Longest time one exchange may take, all attempts, backoff and reading the reply included. Default 10 minutes.</summary>
    public TimeSpan TotalTimeout { get; init; } = TimeSpan.FromMinutes(10);

    /// <summary>Most tokens the model may write in one reply. Default 8192.</summary>
    public int MaxTokens { get; init; } = 8192;

    /// <summary>Sampling temperature, or null for the provider's default.</summary>
    public double? Temperature { get; init; }

    /// <summary>Retries after a 408, 429, 5xx (529 included) or a failed connection. Default 4.</summary>
    public int MaxRetries { get; init; } = 4;

    /// <summary>First retry's mean delay; later ones grow exponentially, with jitter. Default 2 seconds.</summary>
    public TimeSpan RetryBaseDelay { get; init; } = TimeSpan.FromSeconds(2);

    /// <summary>Longest delay between attempts, a provider's <c>Retry-After</c> included. Default 60 seconds.</summary>
    public TimeSpan MaxRetryDelay { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>Largest reply body read; a larger one fails the exchange as <see cref="LlmFailureKind.TooLarge"/>. Default 4 MiB.</summary>
    public long MaxReplyBytes { get; init; } = 4L << 20;

    /// <summary>Prices per model name, for metering; a model missing here costs 0 and its tokens are still counted.</summary>
    public IReadOnlyDictionary<string, LlmPrice> Prices { get; init; } = new Dictionary<string, LlmPrice>();

    /// <summary>The base URL used: <see cref="BaseUrl"/> or the provider's public one, without a trailing slash.</summary>
    public string EffectiveBaseUrl => (BaseUrl ?? Provider switch
    {
        LlmProviderKind.Anthropic => "https://api.anthropic.com/v1",
        _ => "https://api.openai.com/v1",
    }).TrimEnd('/');

    /// <summary>Checks the options.</summary>
    /// <returns>Problems found, each naming the option; empty when valid.</returns>
    public IReadOnlyList<string> Validate()
    {
        var problems = new List<string>();
        if (!Enum.IsDefined(Provider))
        {
            problems.Add($"{nameof(Provider)} {(int)Provider} is not a known provider");
        }

        if (string.IsNullOrWhiteSpace(Model))
        {
            problems.Add($"{nameof(Model)} is required");
        }

        if (Provider == LlmProviderKind.AzureOpenAI && BaseUrl is null)
        {
            problems.Add($"{nameof(BaseUrl)} is required for Azure OpenAI (https://RESOURCE.openai.azure.com/openai/v1)");
        }

        if (BaseUrl is not null && !(Uri.TryCreate(BaseUrl, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https"))
        {
            problems.Add($"{nameof(BaseUrl)} '{BaseUrl}' is not an absolute http or https URL");
        }

        if (ApiKeyVariable is not null && !VariableName().IsMatch(ApiKeyVariable))
        {
            // A pasted key ("sk-…") lands here too; say so without echoing it.
            problems.Add($"{nameof(ApiKeyVariable)} must be the NAME of an environment variable (letters, digits, '_'), not a key");
        }

        foreach (var (name, value) in new[] { (nameof(RequestTimeout), RequestTimeout), (nameof(TotalTimeout), TotalTimeout), (nameof(MaxRetryDelay), MaxRetryDelay) })
        {
            if (value <= TimeSpan.Zero)
            {
                problems.Add($"{name} must be positive, got {value}");
            }
        }

        if (RetryBaseDelay < TimeSpan.Zero || RetryBaseDelay > MaxRetryDelay)
        {
            problems.Add($"{nameof(RetryBaseDelay)} must be from 0 to {nameof(MaxRetryDelay)}, got {RetryBaseDelay}");
        }

        if (MaxTokens < 1)
        {
            problems.Add($"{nameof(MaxTokens)} must be at least 1, got {MaxTokens}");
        }

        if (Temperature is < 0 or > 2)
        {
            problems.Add($"{nameof(Temperature)} must be from 0 to 2, got {Temperature}");
        }

        if (MaxRetries is < 0 or > 20)
        {
            problems.Add($"{nameof(MaxRetries)} must be from 0 to 20, got {MaxRetries}");
        }

        if (MaxReplyBytes < 1024)
        {
            problems.Add($"{nameof(MaxReplyBytes)} must be at least 1024, got {MaxReplyBytes}");
        }

        foreach (var (model, price) in Prices)
        {
            if (price is null || price.InputPerMillion < 0 || price.OutputPerMillion < 0)
            {
                problems.Add($"{nameof(Prices)}['{model}'] must have non-negative prices");
            }
        }

        return problems;
    }

    [GeneratedRegex("^[A-Za-z_][A-Za-z0-9_]*$")]
    private static partial Regex VariableName();
}
