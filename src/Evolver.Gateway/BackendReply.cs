using System.Text.Json.Nodes;

namespace Evolver.Gateway;

/// <summary>
/// What a backend answered to one request: a status with a JSON body (a completion, or an OpenAI error), or for a
/// streamed request the chunks it sent; the tokens the provider reported; and a problem to report (replay mismatches).
/// </summary>
internal sealed record BackendReply(int Status, JsonObject? Body)
{
    /// <summary>The chunks sent to the agent, in order, when the request streamed.</summary>
    public IReadOnlyList<JsonObject>? Chunks { get; init; }

    public long InputTokens { get; init; }

    public long OutputTokens { get; init; }

    /// <summary>A failure for the record and the logs, e.g. the provider's error after retries.</summary>
    public string? Error { get; init; }

    /// <summary>A problem of the evaluation itself, surfaced in <see cref="Core.GatewayUsage.Problems"/>.</summary>
    public string? Problem { get; init; }

    public static BackendReply Failure(int status, string message, string type, string? problem = null) =>
        new(status, JsonNode.Parse(OpenAIError.Body(message, type))!.AsObject()) { Error = message, Problem = problem };
}
