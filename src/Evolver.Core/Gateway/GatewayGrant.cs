namespace Evolver.Core;

/// <summary>What an agent is told about the gateway for one task run.</summary>
/// <param name="BaseUrl">Base URL of the OpenAI-compatible API as the agent addresses it, e.g. <c>http://gateway/v1</c>.</param>
/// <param name="Token">The run's bearer token; valid until the grant is closed or expires. Not a provider key.</param>
/// <param name="Model">The model name to ask for.</param>
/// <param name="SocketPath">The Unix socket the agent connects to inside its container, or null for plain TCP.</param>
public sealed record GatewayGrant(string BaseUrl, string Token, string Model, string? SocketPath)
{
    /// <summary>The task run's own <c>llm_tokens</c> budget, or null when it has none; agents see it as <c>AgentBudget.LlmTokens</c>.</summary>
    public long? LlmTokens { get; init; }
}
