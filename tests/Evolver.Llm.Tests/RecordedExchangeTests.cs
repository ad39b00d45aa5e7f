using Evolver.Llm.Tests.Protocol;
using Xunit;

namespace Evolver.Llm.Tests;

/// <summary>Recorded request/response pairs in each provider's wire schema, replayed by the test double through the real clients.</summary>
public sealed class RecordedExchangeTests : IDisposable
{
    private const string System = "You are terse.";
    private const string User = "Name the capital of France in one word.";
    private readonly ProviderTestServer server = ProviderTestServer.Start();

    public void Dispose() => server.Dispose();

    [Theory]
    [InlineData("openai.json", LlmProviderKind.OpenAI, "gpt-4.1-mini", "Paris.", 24, 2, 1)]
    [InlineData("vllm.json", LlmProviderKind.OpenAI, "Qwen/Qwen2.5-Coder-7B-Instruct", "Paris", 31, 2, 1)]
    [InlineData("ollama.json", LlmProviderKind.OpenAI, "qwen2.5-coder:7b", "Paris", 30, 2, 1)]
    [InlineData("llamacpp.json", LlmProviderKind.OpenAI, "local", "Paris.", 28, 3, 1)]
    [InlineData("openrouter.json", LlmProviderKind.OpenAI, "anthropic/claude-sonnet-4", "Paris.", 22, 4, 2)]
    [InlineData("anthropic.json", LlmProviderKind.Anthropic, "claude-sonnet-4-5", "Paris.", 21, 5, 1)]
    public async Task CompleteAsync_RecordedProviderExchange_ReplaysToTheRecordedReply(
        string file, LlmProviderKind provider, string model, string reply, int input, int output, int attempts)
    {
        var recording = ExchangeRecording.Load(Path.Combine(AppContext.BaseDirectory, "Recordings", file));
        server.Responder = recording.Answer;
        using var client = Client(provider, model);

        var exchange = await client.CompleteAsync(LlmClientTests.History(System, User), CancellationToken.None);

        Assert.Empty(recording.Mismatches);
        Assert.True(exchange.Succeeded, exchange.FailureMessage);
        Assert.Equal(reply, exchange.Reply);
        Assert.Equal((input, output), (exchange.InputTokens, exchange.OutputTokens));
        Assert.Equal(attempts, exchange.Attempts);
        Assert.Equal(0, recording.Remaining);
    }

    [Fact]
    public async Task CompleteAsync_RequestNotAsRecorded_FailsNamingTheFirstDifference()
    {
        var recording = ExchangeRecording.Load(Path.Combine(AppContext.BaseDirectory, "Recordings", "openai.json"));
        server.Responder = recording.Answer;
        using var client = Client(LlmProviderKind.OpenAI, "gpt-4.1-mini");

        var exchange = await client.CompleteAsync(LlmClientTests.History(System, User.Replace("France", "Spain", StringComparison.Ordinal)), CancellationToken.None);

        Assert.Equal(LlmFailureKind.HttpError, exchange.Failure);
        Assert.Equal(400, exchange.StatusCode);
        var mismatch = Assert.Single(recording.Mismatches);
        Assert.Equal("request 1 differs from the recording at messages[1].content, character 20: recorded \"Name the capital of France in one word.\" but got \"Name the capital of Spain in one word.\"", mismatch);
        Assert.Contains(mismatch, exchange.FailureMessage);
    }

    [Fact]
    public async Task Save_ScriptedRun_ReplaysToTheSameExchanges()
    {
        var scripted = new[]
        {
            OpenAIWire.Error(503, "busy", "server_error"),
            OpenAIWire.Completion("Paris.", promptTokens: 10, completionTokens: 2),
        };
        server.Enqueue(scripted);
        using (var client = Client(LlmProviderKind.OpenAI, "m"))
        {
            Assert.True((await client.CompleteAsync(LlmClientTests.History(System, User), CancellationToken.None)).Succeeded);
        }

        var path = Path.Combine(Path.GetTempPath(), $"evolver-recording-{Guid.NewGuid():N}.json");
        try
        {
            ExchangeRecording.Save(path, "scripted in a test", server.Requests, scripted);
            using var replay = ProviderTestServer.Start();
            var recording = ExchangeRecording.Load(path);
            replay.Responder = recording.Answer;
            using var client = LlmClient.Create(
                new LlmOptions { BaseUrl = replay.BaseUrl, Model = "m", RetryBaseDelay = TimeSpan.FromMilliseconds(5) }, TimeProvider.System);

            var exchange = await client.CompleteAsync(LlmClientTests.History(System, User), CancellationToken.None);

            Assert.Empty(recording.Mismatches);
            Assert.Equal(("Paris.", 2, 10L), (exchange.Reply, exchange.Attempts, exchange.InputTokens));
        }
        finally
        {
            File.Delete(path);
        }
    }

    private LlmClient Client(LlmProviderKind provider, string model) => LlmClient.Create(
        new LlmOptions { Provider = provider, BaseUrl = server.BaseUrl, Model = model, RetryBaseDelay = TimeSpan.FromMilliseconds(5) }, TimeProvider.System);
}
