using Evolver.Llm.Tests.Protocol;
using Xunit;

namespace Evolver.Llm.Tests;

/// <summary>The Anthropic Messages API client against the provider test double over real HTTP.</summary>
public sealed class AnthropicTests : IDisposable
{
    private readonly ProviderTestServer server = ProviderTestServer.Start();

    public void Dispose() => server.Dispose();

    [Fact]
    public async Task CompleteAsync_Message_ReturnsTextAndUsageAndSendsTheMessagesApiRequest()
    {
        server.Enqueue(AnthropicWire.Message("Bonjour.", inputTokens: 2000, outputTokens: 100));
        using var client = Client(new LlmOptions
        {
            Prices = new Dictionary<string, LlmPrice> { ["claude-test"] = new(3m, 15m) }, MaxTokens = 555, Temperature = 0.2,
        });

        var exchange = await client.CompleteAsync(LlmClientTests.History("Answer in French.", "Say hello."), CancellationToken.None);

        Assert.True(exchange.Succeeded, exchange.FailureMessage);
        Assert.Equal("Bonjour.", exchange.Reply);
        Assert.Equal("end_turn", exchange.FinishReason);
        Assert.Equal((2000, 100), (exchange.InputTokens, exchange.OutputTokens));
        Assert.Equal(0.0075m, exchange.CostUsd);

        var request = Assert.Single(server.Requests);
        Assert.Equal(("POST", "/v1/messages"), (request.Method, request.Path));
        Assert.Equal("anthropic-test-key", request.Headers["x-api-key"]);
        Assert.Equal("2023-06-01", request.Headers["anthropic-version"]);
        Assert.False(request.Headers.ContainsKey("authorization"));
        var json = request.Json;
        Assert.Equal("claude-test", json["model"]!.GetValue<string>());
        Assert.Equal(555, json["max_tokens"]!.GetValue<int>());
        Assert.Equal(0.2, json["temperature"]!.GetValue<double>());
        Assert.Equal("Answer in French.", json["system"]!.GetValue<string>());
        Assert.Equal([("user", "Say hello.")], request.Messages);
    }

    [Fact]
    public async Task CompleteAsync_Overloaded529Then200_Retries()
    {
        server.Enqueue(AnthropicWire.Error(529, "overloaded_error", "Overloaded"), AnthropicWire.Message("ok"));
        using var client = Client(new LlmOptions { RetryBaseDelay = TimeSpan.FromMilliseconds(50) });

        var exchange = await client.CompleteAsync(LlmClientTests.History("s", "u"), CancellationToken.None);

        Assert.True(exchange.Succeeded, exchange.FailureMessage);
        Assert.Equal(2, exchange.Attempts);
        Assert.True(server.Gap(0, 1) >= exchange.RetryDelays[0] - TimeSpan.FromMilliseconds(30));
    }

    [Fact]
    public async Task CompleteAsync_AuthenticationError_FailsWithTheProvidersMessage()
    {
        server.Enqueue(AnthropicWire.Error(401, "authentication_error", "invalid x-api-key"));
        using var client = Client(new LlmOptions());

        var exchange = await client.CompleteAsync(LlmClientTests.History("s", "u"), CancellationToken.None);

        Assert.Equal(LlmFailureKind.HttpError, exchange.Failure);
        Assert.Equal(401, exchange.StatusCode);
        Assert.Contains("invalid x-api-key", exchange.FailureMessage);
        Assert.Equal(1, exchange.Attempts);
    }

    [Fact]
    public async Task CompleteAsync_RefusalStopReason_IsRefused()
    {
        server.Enqueue(AnthropicWire.Message("", stopReason: "refusal"));
        using var client = Client(new LlmOptions());

        var exchange = await client.CompleteAsync(LlmClientTests.History("s", "u"), CancellationToken.None);

        Assert.Equal(LlmFailureKind.Refused, exchange.Failure);
        Assert.Equal("refusal", exchange.FinishReason);
    }

    [Fact]
    public async Task CompleteAsync_EnormousMessage_FailsAsTooLarge()
    {
        server.Enqueue(AnthropicWire.Message(new string('y', 2 << 20)) with { Chunked = true });
        using var client = Client(new LlmOptions { MaxReplyBytes = 64 << 10 });

        var exchange = await client.CompleteAsync(LlmClientTests.History("s", "u"), CancellationToken.None);

        Assert.Equal(LlmFailureKind.TooLarge, exchange.Failure);
    }

    private LlmClient Client(LlmOptions overrides) => LlmClient.Create(
        new LlmOptions
        {
            Provider = LlmProviderKind.Anthropic, BaseUrl = server.BaseUrl, Model = "claude-test", ApiKeyVariable = "ANTHROPIC_API_KEY",
            MaxTokens = overrides.MaxTokens, Temperature = overrides.Temperature, Prices = overrides.Prices,
            RetryBaseDelay = overrides.RetryBaseDelay, MaxReplyBytes = overrides.MaxReplyBytes,
        },
        TimeProvider.System,
        name => name == "ANTHROPIC_API_KEY" ? "anthropic-test-key" : null);
}
