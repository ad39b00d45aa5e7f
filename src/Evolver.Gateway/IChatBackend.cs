using System.Text.Json.Nodes;

namespace Evolver.Gateway;

/// <summary>Answers agents' chat requests: a provider through Semantic Kernel, or a recording.</summary>
internal interface IChatBackend
{
    /// <summary>The model name agents are told to ask for.</summary>
    string Model { get; }

    /// <summary>
    /// Answers <paramref name="request"/>, exchange <paramref name="index"/> of <paramref name="session"/>. A streamed
    /// request's chunks go to <paramref name="chunk"/> as they come; the reply then lists them.
    /// </summary>
    Task<BackendReply> AnswerAsync(GatewaySession session, int index, JsonObject request, Func<JsonObject, Task> chunk, CancellationToken cancellationToken);

    /// <summary>Dollars for the given tokens, from the price table.</summary>
    double Cost(long inputTokens, long outputTokens);
}
