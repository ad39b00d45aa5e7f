using System.Text.Json.Nodes;
using Evolver.Llm.Tests.Protocol;
using Microsoft.SemanticKernel.ChatCompletion;
using Xunit;

namespace Evolver.Llm.Tests;

/// <summary>The real SK OpenAI connector and the Polly stack against the provider test double over real HTTP.</summary>
public sealed class LlmClientTests : IDisposable
{
    private const string KeyVariable = "EVOLVER_TEST_LLM_KEY";
    private const string Key = "test-key-0123456789";
    private ProviderTestServer server = ProviderTestServer.Start();

    public void Dispose() => server.Dispose();

    [Fact]
    public async Task CompleteAsync_OpenAIReply_ReturnsTextTokensAndCostAndSendsTheWireRequest()
    {
        server.Enqueue(OpenAIWire.Completion("Hello there.", promptTokens: 1200, completionTokens: 300));
        using var client = Client(new LlmOptions
        {
            BaseUrl = server.BaseUrl, Model = "test-model", ApiKeyVariable = KeyVariable, MaxTokens = 777, Temperature = 0.5,
            Prices = new Dictionary<string, LlmPrice> { ["test-model"] = new(2.5m, 10m) },
        });

        var exchange = await client.CompleteAsync(History("Be brief.", "Say hello."), CancellationToken.None);

        Assert.True(exchange.Succeeded, exchange.FailureMessage);
        Assert.Equal("Hello there.", exchange.Reply);
        Assert.Equal("stop", exchange.FinishReason);
        Assert.Equal((1200, 300), (exchange.InputTokens, exchange.OutputTokens));
        Assert.Equal(0.006m, exchange.CostUsd); // 1200 * 2.5e-6 + 300 * 10e-6
        Assert.Equal(1, exchange.Attempts);
        Assert.Equal(200, exchange.StatusCode);
        Assert.Equal([new LlmMessage("system", "Be brief."), new LlmMessage("user", "Say hello.")], exchange.Request);

        var request = Assert.Single(server.Requests);
        Assert.Equal(("POST", "/v1/chat/completions"), (request.Method, request.Path));
        Assert.Equal("Bearer " + Key, request.Headers["authorization"]);
        Assert.Equal("test-model", request.Json["model"]!.GetValue<string>());
        Assert.Equal([("system", "Be brief."), ("user", "Say hello.")], request.Messages);
        Assert.Equal(777, (request.Json["max_tokens"] ?? request.Json["max_completion_tokens"])!.GetValue<int>());
        Assert.Equal(0.5, request.Json["temperature"]!.GetValue<double>());
    }

    [Fact]
    public async Task CompleteAsync_429WithRetryAfterThen200_RetriesAfterTheRequestedDelay()
    {
        server.Enqueue(
            OpenAIWire.Error(429, "Rate limit reached", "rate_limit_exceeded", new Dictionary<string, string> { ["Retry-After"] = "1" }),
            OpenAIWire.Completion("after the wait"));
        using var client = Client(new LlmOptions { BaseUrl = server.BaseUrl, Model = "m", RetryBaseDelay = TimeSpan.FromMilliseconds(10) });

        var exchange = await client.CompleteAsync(History("s", "u"), CancellationToken.None);

        Assert.True(exchange.Succeeded, exchange.FailureMessage);
        Assert.Equal("after the wait", exchange.Reply);
        Assert.Equal(2, exchange.Attempts);
        Assert.Equal([TimeSpan.FromSeconds(1)], exchange.RetryDelays);
        Assert.True(server.Gap(0, 1) >= TimeSpan.FromMilliseconds(950), $"second attempt came {server.Gap(0, 1)} after the first");
    }

    [Fact]
    public async Task CompleteAsync_500Then503Then200_RetriesWithGrowingObservedBackoff()
    {
        server.Enqueue(
            OpenAIWire.Error(500, "The server had an error", "server_error"),
            OpenAIWire.Error(503, "The engine is overloaded", "server_error"),
            OpenAIWire.Completion("finally"));
        var options = new LlmOptions { BaseUrl = server.BaseUrl, Model = "m", RetryBaseDelay = TimeSpan.FromMilliseconds(200) };
        using var client = Client(options);

        var exchange = await client.CompleteAsync(History("s", "u"), CancellationToken.None);

        Assert.True(exchange.Succeeded, exchange.FailureMessage);
        Assert.Equal(3, exchange.Attempts);
        Assert.Equal(2, exchange.RetryDelays.Count);
        Assert.All(exchange.RetryDelays, d => Assert.InRange(d, TimeSpan.FromTicks(1), options.MaxRetryDelay));
        for (var i = 0; i < 2; i++)
        {
            // Each retry waited at least the backoff Polly chose (a little timer slack allowed).
            Assert.True(server.Gap(i, i + 1) >= exchange.RetryDelays[i] - TimeSpan.FromMilliseconds(30),
                $"retry {i + 1}: gap {server.Gap(i, i + 1)} < backoff {exchange.RetryDelays[i]}");
        }
    }

    [Fact]
    public async Task CompleteAsync_ServerErrorsPastMaxRetries_FailsWithLastStatus()
    {
        for (var i = 0; i < 3; i++)
        {
            server.Enqueue(OpenAIWire.Error(502, "Bad gateway", "server_error"));
        }

        using var client = Client(new LlmOptions { BaseUrl = server.BaseUrl, Model = "m", MaxRetries = 2, RetryBaseDelay = TimeSpan.FromMilliseconds(5) });

        var exchange = await client.CompleteAsync(History("s", "u"), CancellationToken.None);

        Assert.False(exchange.Succeeded);
        Assert.Equal(LlmFailureKind.HttpError, exchange.Failure);
        Assert.Equal(502, exchange.StatusCode);
        Assert.Equal(3, exchange.Attempts);
        Assert.Contains("Bad gateway", exchange.FailureMessage);
    }

    [Fact]
    public async Task CompleteAsync_400_IsNotRetried()
    {
        server.Enqueue(OpenAIWire.Error(400, "max_tokens is too large", "invalid_request_error"), OpenAIWire.Completion("never served"));
        using var client = Client(new LlmOptions { BaseUrl = server.BaseUrl, Model = "m", RetryBaseDelay = TimeSpan.FromMilliseconds(5) });

        var exchange = await client.CompleteAsync(History("s", "u"), CancellationToken.None);

        Assert.Equal(LlmFailureKind.HttpError, exchange.Failure);
        Assert.Equal(400, exchange.StatusCode);
        Assert.Equal(1, exchange.Attempts);
        Assert.Equal(1, server.Pending);
    }

    [Fact]
    public async Task CompleteAsync_Refusal_IsAFailureValueWithTheRefusalText()
    {
        server.Enqueue(OpenAIWire.Completion(null, refusal: "I'm sorry, I can't help with that."));
        using var client = Client(new LlmOptions { BaseUrl = server.BaseUrl, Model = "m" });

        var exchange = await client.CompleteAsync(History("s", "u"), CancellationToken.None);

        Assert.Equal(LlmFailureKind.Refused, exchange.Failure);
        Assert.Contains("can't help", exchange.FailureMessage);
        Assert.Null(exchange.Reply);
        Assert.Equal(20, exchange.OutputTokens);
    }

    [Fact]
    public async Task CompleteAsync_ContentFilter_IsRefused()
    {
        server.Enqueue(OpenAIWire.Completion("", finishReason: "content_filter"));
        using var client = Client(new LlmOptions { BaseUrl = server.BaseUrl, Model = "m" });

        var exchange = await client.CompleteAsync(History("s", "u"), CancellationToken.None);

        Assert.Equal(LlmFailureKind.Refused, exchange.Failure);
        Assert.Equal("content_filter", exchange.FinishReason);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task CompleteAsync_EnormousReply_FailsAsTooLargeWithoutRetry(bool chunked)
    {
        var huge = OpenAIWire.Completion(new string('x', 3 << 20)) with { Chunked = chunked };
        server.Enqueue(huge, OpenAIWire.Completion("never served"));
        using var client = Client(new LlmOptions { BaseUrl = server.BaseUrl, Model = "m", MaxReplyBytes = 1 << 20 });

        var exchange = await client.CompleteAsync(History("s", "u"), CancellationToken.None);

        Assert.Equal(LlmFailureKind.TooLarge, exchange.Failure);
        Assert.Contains("1048576-byte cap", exchange.FailureMessage);
        Assert.Single(server.Requests);
    }

    [Theory]
    [InlineData("this is not json")]
    [InlineData("""{"id":"x","object":"chat.completion","choices":"nope"}""")]
    [InlineData("""{"id":"x","object":"chat.completion","choices":[]}""")]
    [InlineData("{}")]
    public async Task CompleteAsync_MalformedBody_FailsAsMalformed(string body)
    {
        server.Enqueue(new ScriptedResponse(200, body));
        using var client = Client(new LlmOptions { BaseUrl = server.BaseUrl, Model = "m" });

        var exchange = await client.CompleteAsync(History("s", "u"), CancellationToken.None);

        Assert.Equal(LlmFailureKind.Malformed, exchange.Failure);
        Assert.Equal(1, exchange.Attempts);
    }

    [Fact]
    public async Task CompleteAsync_SlowFirstAnswer_AttemptTimesOutAndRetrySucceeds()
    {
        server.Enqueue(OpenAIWire.Completion("too late") with { Delay = TimeSpan.FromSeconds(5) }, OpenAIWire.Completion("in time"));
        using var client = Client(new LlmOptions
        {
            BaseUrl = server.BaseUrl, Model = "m", RequestTimeout = TimeSpan.FromMilliseconds(500), RetryBaseDelay = TimeSpan.FromMilliseconds(5),
        });

        var exchange = await client.CompleteAsync(History("s", "u"), CancellationToken.None);

        Assert.True(exchange.Succeeded, exchange.FailureMessage);
        Assert.Equal("in time", exchange.Reply);
        Assert.Equal(2, exchange.Attempts);
    }

    [Fact]
    public async Task CompleteAsync_TotalTimeout_FailsAsTimeout()
    {
        server.Enqueue(OpenAIWire.Completion("too late") with { Delay = TimeSpan.FromSeconds(5) });
        using var client = Client(new LlmOptions { BaseUrl = server.BaseUrl, Model = "m", TotalTimeout = TimeSpan.FromMilliseconds(400), MaxRetries = 0 });

        var exchange = await client.CompleteAsync(History("s", "u"), CancellationToken.None);

        Assert.Equal(LlmFailureKind.Timeout, exchange.Failure);
        Assert.InRange(exchange.Latency, TimeSpan.FromMilliseconds(350), TimeSpan.FromSeconds(4));
    }

    [Fact]
    public async Task CompleteAsync_NothingListening_FailsAsTransportAfterRetries()
    {
        var port = server.Port;
        server.Dispose();
        server = ProviderTestServer.Start();
        using var client = Client(new LlmOptions
        {
            BaseUrl = $"http://127.0.0.1:{port}/v1", Model = "m", MaxRetries = 1, RetryBaseDelay = TimeSpan.FromMilliseconds(5),
        });

        var exchange = await client.CompleteAsync(History("s", "u"), CancellationToken.None);

        Assert.Equal(LlmFailureKind.Transport, exchange.Failure);
        Assert.Equal(2, exchange.Attempts);
    }

    [Fact]
    public async Task CompleteAsync_CallerCancels_Throws()
    {
        server.Enqueue(OpenAIWire.Completion("slow") with { Delay = TimeSpan.FromSeconds(5) });
        using var client = Client(new LlmOptions { BaseUrl = server.BaseUrl, Model = "m" });
        using var cts = new CancellationTokenSource(TimeSpan.FromMilliseconds(200));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => client.CompleteAsync(History("s", "u"), cts.Token));
    }

    [Fact]
    public async Task CompleteAsync_AzureOpenAI_SendsKeyAsBearerAndApiKeyToTheV1Path()
    {
        server.Enqueue(OpenAIWire.Completion("from azure"));
        using var client = Client(new LlmOptions
        {
            Provider = LlmProviderKind.AzureOpenAI, BaseUrl = $"http://127.0.0.1:{server.Port}/openai/v1", Model = "my-deployment", ApiKeyVariable = KeyVariable,
        });

        var exchange = await client.CompleteAsync(History("s", "u"), CancellationToken.None);

        Assert.True(exchange.Succeeded, exchange.FailureMessage);
        var request = Assert.Single(server.Requests);
        Assert.Equal("/openai/v1/chat/completions", request.Path);
        Assert.Equal(Key, request.Headers["api-key"]);
        Assert.Equal("Bearer " + Key, request.Headers["authorization"]);
        Assert.Equal("my-deployment", request.Json["model"]!.GetValue<string>());
    }

    internal static ChatHistory History(string system, string user)
    {
        var history = new ChatHistory(system);
        history.AddUserMessage(user);
        return history;
    }

    private static LlmClient Client(LlmOptions options) =>
        LlmClient.Create(options, TimeProvider.System, name => name == KeyVariable ? Key : null);
}
