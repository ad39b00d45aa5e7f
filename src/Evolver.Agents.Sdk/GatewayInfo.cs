namespace Evolver.Agents.Sdk;

/// <summary>The LLM gateway the agent may call: an OpenAI-compatible endpoint and a short-lived token.</summary>
/// <param name="BaseUrl">Base URL of the OpenAI-compatible API, for example <c>http://gateway:8080/v1</c>.</param>
/// <param name="Token">Bearer token valid for this evaluation only. It is not a provider key.</param>
/// <param name="Model">The model name to ask for.</param>
public sealed record GatewayInfo(string BaseUrl, string Token, string Model);
