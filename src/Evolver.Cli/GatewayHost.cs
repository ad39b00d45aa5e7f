using System.Text.Json;
using Evolver.Gateway;
using Evolver.Llm;

namespace Evolver.Cli;

/// <summary>Starts the LLM gateway for a command from an LLM config file (LlmOptions JSON), reporting bad input on standard error.</summary>
internal static class GatewayHost
{
    /// <summary>The provider options in <paramref name="file"/>; null after writing why they are unusable.</summary>
    public static LlmOptions? ReadOptions(CliEnvironment env, string file, string option)
    {
        var path = env.Resolve(file);
        try
        {
            var options = JsonSerializer.Deserialize<LlmOptions>(File.ReadAllText(path), LlmOptions.JsonOptions);
            if (options is null)
            {
                env.Error.WriteLine($"error: {option}: {path} holds null; it must be an object of LLM settings (see src/Evolver.Llm/README.md)");
                return null;
            }

            var problems = options.Validate();
            foreach (var problem in problems)
            {
                env.Error.WriteLine($"error: {option}: {path}: {problem}");
            }

            return problems.Count == 0 ? options : null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or JsonException)
        {
            env.Error.WriteLine($"error: {option}: cannot read {path}: {e.Message}");
            return null;
        }
    }

    /// <summary>
    /// A gateway forwarding to the provider <paramref name="llm"/> names, and the client it uses (the caller disposes
    /// both); null after writing why (the key's environment variable is unset).
    /// </summary>
    public static async Task<(LlmGateway Gateway, LlmClient Client)?> StartAsync(
        CliEnvironment env, LlmOptions llm, GatewayOptions options, string option, CancellationToken cancellationToken)
    {
        LlmClient client;
        try
        {
            client = LlmClient.Create(llm, env.Time);
        }
        catch (ArgumentException e)
        {
            env.Error.WriteLine($"error: {option}: {e.Message}");
            return null;
        }

        try
        {
            return (await LlmGateway.StartAsync(options, client, env.Time, cancellationToken).ConfigureAwait(false), client);
        }
        catch
        {
            client.Dispose();
            throw;
        }
    }
}
