using System.Text.Json;
using System.Text.Json.Serialization;
using Evolver.Core;
using Evolver.Llm;
using Microsoft.SemanticKernel.ChatCompletion;

namespace Evolver.Mutation;

/// <summary>
/// The model exchanges of one mutation: asks through <see cref="LlmClient"/>, turns a failed, cut or oversized reply
/// into a one-line problem, and keeps every exchange with its step for the tokens, cost and log.
/// </summary>
internal sealed class LlmSession(LlmClient client, int maxReplyChars)
{
    private static readonly JsonSerializerOptions LogJson = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower) },
    };

    private readonly List<(string Step, LlmExchange Exchange)> exchanges = [];

    public long InputTokens => exchanges.Sum(e => e.Exchange.InputTokens);

    public long OutputTokens => exchanges.Sum(e => e.Exchange.OutputTokens);

    public decimal CostUsd => exchanges.Sum(e => e.Exchange.CostUsd);

    /// <summary>The reply's text, or null and why there is none usable.</summary>
    public async Task<(string? Text, string Problem)> AskAsync(ChatHistory history, string step, CancellationToken cancellationToken)
    {
        var exchange = await client.CompleteAsync(history, cancellationToken).ConfigureAwait(false);
        exchanges.Add((step, exchange));
        if (!exchange.Succeeded)
        {
            var kind = exchange.Failure switch
            {
                LlmFailureKind.Refused => "the model refused",
                LlmFailureKind.TooLarge => "the reply is too large",
                _ => "the model call failed",
            };
            return (null, $"{step}: {kind}: {exchange.FailureMessage}");
        }

        var text = exchange.Reply!;
        if (text.Length > maxReplyChars)
        {
            return (null, $"{step}: the reply is too large: {text.Length} characters, over the {maxReplyChars}-character cap; it was not used");
        }

        if (exchange.FinishReason is "length" or "max_tokens")
        {
            return (null, $"{step}: the reply was cut at the token limit ({exchange.OutputTokens} output tokens); it was not used");
        }

        return (text, "");
    }

    /// <summary><paramref name="result"/> with this session's tokens and cost.</summary>
    public MutationResult Metered(MutationResult result) =>
        result with { InputTokens = InputTokens, OutputTokens = OutputTokens, CostUsd = (double)CostUsd };

    /// <summary>Writes every exchange, with its step, to <c>llm-exchanges.json</c> in <paramref name="directory"/>.</summary>
    public async Task WriteLogAsync(string directory, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(directory);
        var log = exchanges.Select(e => new { e.Step, e.Exchange }).ToList();
        await File.WriteAllTextAsync(Path.Combine(directory, "llm-exchanges.json"), JsonSerializer.Serialize(log, LogJson), cancellationToken)
            .ConfigureAwait(false);
    }
}
