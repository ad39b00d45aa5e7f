using System.Text.Json.Nodes;

namespace Evolver.Gateway;

/// <summary>Error bodies in OpenAI's schema, so OpenAI clients inside the agent read them as they would the provider's.</summary>
internal static class OpenAIError
{
    public static string Body(string message, string type, string? code = null) => new JsonObject
    {
        ["error"] = new JsonObject { ["message"] = message, ["type"] = type, ["param"] = null, ["code"] = code },
    }.ToJsonString();
}
