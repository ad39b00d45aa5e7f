using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using Evolver.Agents.Sdk;
using Evolver.Core;
using Evolver.Llm;
using Evolver.Llm.Tests.Protocol;

namespace Evolver.Gateway.Tests;

/// <summary>
/// A real gateway on a real Unix socket, forwarding to the provider test double (a real HTTP server speaking OpenAI's
/// wire protocol), and an agent-side client made by the SDK's <see cref="GatewayInfo.CreateHttpClient"/>.
/// </summary>
internal sealed class GatewayBed : IAsyncDisposable
{
    public const string Model = "test-model";

    private GatewayBed(ProviderTestServer provider, LlmClient client, LlmGateway gateway)
    {
        Provider = provider;
        Client = client;
        Gateway = gateway;
    }

    public ProviderTestServer Provider { get; }

    public LlmClient Client { get; }

    public LlmGateway Gateway { get; }

    public static async Task<GatewayBed> StartAsync(LlmOptions? llm = null, GatewayOptions? options = null)
    {
        var provider = ProviderTestServer.Start();
        llm ??= new LlmOptions();
        llm = new LlmOptions
        {
            Provider = llm.Provider,
            BaseUrl = provider.BaseUrl,
            Model = Model,
            ApiKeyVariable = "EVOLVER_GATEWAY_TEST_KEY",
            MaxRetries = llm.MaxRetries,
            RetryBaseDelay = TimeSpan.FromMilliseconds(10),
            MaxRetryDelay = TimeSpan.FromMilliseconds(50),
            RequestTimeout = llm.RequestTimeout,
            TotalTimeout = llm.TotalTimeout,
            MaxTokens = llm.MaxTokens,
            Prices = new Dictionary<string, LlmPrice> { [Model] = new(2m, 8m) },
        };
        var client = LlmClient.Create(llm, TimeProvider.System, name => name == "EVOLVER_GATEWAY_TEST_KEY" ? "sk-provider-key-in-harness-only" : null);
        var gateway = await LlmGateway.StartAsync(options ?? new GatewayOptions(), client, TimeProvider.System, CancellationToken.None);
        return new GatewayBed(provider, client, gateway);
    }

    /// <summary>The agent's view of a grant: the socket on the host stands in for the container's mount.</summary>
    public GatewayInfo Info(GatewayGrant grant) => new(grant.BaseUrl, grant.Token, grant.Model, Gateway.SocketPath);

    public static async Task<(int Status, string Body)> PostAsync(HttpClient http, JsonObject body)
    {
        using var response = await http.PostAsync("chat/completions", new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json"));
        return ((int)response.StatusCode, await response.Content.ReadAsStringAsync());
    }

    public static JsonObject Chat(string user, bool stream = false) => new()
    {
        ["model"] = Model,
        ["messages"] = new JsonArray(new JsonObject { ["role"] = "system", ["content"] = "be brief" }, new JsonObject { ["role"] = "user", ["content"] = user }),
        ["stream"] = stream,
    };

    /// <summary><paramref name="request"/> offering one tool, <c>bash(command: string required, timeout: integer)</c>.</summary>
    public static JsonObject WithBash(JsonObject request)
    {
        request["tools"] = new JsonArray(new JsonObject
        {
            ["type"] = "function",
            ["function"] = new JsonObject
            {
                ["name"] = "bash",
                ["description"] = "Run a command.",
                ["parameters"] = new JsonObject
                {
                    ["type"] = "object",
                    ["properties"] = new JsonObject
                    {
                        ["command"] = new JsonObject { ["type"] = "string", ["description"] = "The command line." },
                        ["timeout"] = new JsonObject { ["type"] = "integer" },
                    },
                    ["required"] = new JsonArray("command"),
                },
            },
        });
        return request;
    }

    public async ValueTask DisposeAsync()
    {
        await Gateway.DisposeAsync();
        Client.Dispose();
        Provider.Dispose();
    }
}
