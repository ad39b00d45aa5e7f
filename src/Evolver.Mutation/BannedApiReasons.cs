namespace Evolver.Mutation;

/// <summary>Reasons shared by several banned-API rules.</summary>
internal static class BannedApiReasons
{
    /// <summary>Why only the gateway may be called.</summary>
    public const string Gateway = "agents reach the network only through the LLM gateway (the HttpClient from context.Gateway.CreateHttpClient(), which connects through the gateway socket)";
}
