using Evolver.Core;
using Evolver.Llm;
using Evolver.Llm.Tests.Protocol;
using Xunit;

namespace Evolver.Mutation.Tests.Llm;

/// <summary>Every way the model can let the llm mutator down ends in a recorded result, never an exception or a bad child.</summary>
public sealed class LlmMutatorFailureTests : IDisposable
{
    private readonly MutatorHarness harness = new();

    public void Dispose() => harness.Dispose();

    [Fact]
    public async Task MutateAsync_ImplementReplyIsNotCode_FailsAndWritesNoChild()
    {
        harness.Server.Enqueue(MutatorHarness.Proposal(), MutatorHarness.Reply("You should raise MaxSteps to 80; that is all it needs."));

        var result = await harness.MutateAsync();

        Assert.Equal(MutationStatus.Failed, result.Status);
        Assert.StartsWith("implement: the reply holds no edit block, so no code: \"You should raise MaxSteps", result.Reason);
        Assert.Null(result.ChildDirectory);
        Assert.False(Directory.Exists(harness.ChildDirectory));
        Assert.Equal((7000, 550), (result.InputTokens, result.OutputTokens));
    }

    [Fact]
    public async Task MutateAsync_DiagnoseReplyIsNotJson_FailsWithTheReply()
    {
        harness.Server.Enqueue(MutatorHarness.Reply("Sure! The agent should simply try harder."));

        var result = await harness.MutateAsync();

        Assert.Equal(MutationStatus.Failed, result.Status);
        Assert.Equal("diagnose: the reply is not a JSON proposal (the reply holds no JSON object): \"Sure! The agent should simply try harder.\"", result.Reason);
        Assert.Single(harness.Server.Requests);
    }

    [Fact]
    public async Task MutateAsync_ProposalMissingAField_Fails()
    {
        harness.Server.Enqueue(MutatorHarness.Reply("""```json\n{"problem": "p", "proposal": "q"}\n```""".Replace("\\n", "\n", StringComparison.Ordinal)));

        var result = await harness.MutateAsync();

        Assert.Equal(MutationStatus.Failed, result.Status);
        Assert.Contains("lacks a non-empty implementation_plan", result.Reason);
    }

    [Fact]
    public async Task MutateAsync_ModelRefuses_FailsNamingTheRefusal()
    {
        harness.Server.Enqueue(OpenAIWire.Completion(null, refusal: "I can't help with modifying this program."));

        var result = await harness.MutateAsync();

        Assert.Equal(MutationStatus.Failed, result.Status);
        Assert.Equal("diagnose: the model refused: the model refused (stop): I can't help with modifying this program.", result.Reason);
    }

    [Fact]
    public async Task MutateAsync_EnormousReply_IsRejectedClearlyAndNotApplied()
    {
        var enormous = MutatorHarness.MoreStepsEdit + "\n" + new string('/', 250_000);
        harness.Server.Enqueue(MutatorHarness.Proposal(), MutatorHarness.Reply(enormous));

        var result = await harness.MutateAsync();

        Assert.Equal(MutationStatus.Failed, result.Status);
        Assert.Matches(@"^implement: the reply is too large: 25\d{4} characters, over the 200000-character cap; it was not used$", result.Reason);
        Assert.False(Directory.Exists(harness.ChildDirectory));
    }

    [Fact]
    public async Task MutateAsync_ReplyOverTheByteCap_IsNotEvenRead()
    {
        using var capped = new MutatorHarness(llm: url => new LlmOptions { BaseUrl = url, Model = "m", MaxReplyBytes = 64 << 10 });
        capped.Server.Enqueue(MutatorHarness.Proposal(), MutatorHarness.Reply(MutatorHarness.MoreStepsEdit + new string(' ', 1 << 20)) with { Chunked = true });

        var result = await capped.MutateAsync();

        Assert.Equal(MutationStatus.Failed, result.Status);
        Assert.Equal("implement: the reply is too large: the reply is larger than the 65536-byte cap; it was not read further", result.Reason);
        Assert.False(Directory.Exists(capped.ChildDirectory));
    }

    [Fact]
    public async Task MutateAsync_RateLimitedThenServerError_PollyRetriesAndTheMutationSucceeds()
    {
        harness.Server.Enqueue(
            OpenAIWire.Error(429, "Rate limit reached for requests", "requests", new Dictionary<string, string> { ["Retry-After"] = "1" }),
            MutatorHarness.Proposal(),
            OpenAIWire.Error(500, "The server had an error while processing your request", "server_error"),
            MutatorHarness.Reply(MutatorHarness.MoreStepsEdit));

        var result = await harness.MutateAsync();

        Assert.True(result.Succeeded, result.Reason);
        Assert.Equal(4, harness.Server.Requests.Count);
        Assert.True(harness.Server.Gap(0, 1) >= TimeSpan.FromMilliseconds(950), $"429 retry came after {harness.Server.Gap(0, 1)}");
        Assert.True(harness.Server.Gap(2, 3) >= TimeSpan.FromMilliseconds(20), $"500 retry came after {harness.Server.Gap(2, 3)}");
        Assert.Equal(harness.Server.Requests[2].Body, harness.Server.Requests[3].Body);
        Assert.Contains("private const int MaxSteps = 80;", harness.ChildFile("CoderAgent.cs"));
    }

    [Fact]
    public async Task MutateAsync_ProviderDownAfterRetries_Fails()
    {
        using var fragile = new MutatorHarness(llm: url => new LlmOptions
        {
            BaseUrl = url, Model = "m", MaxRetries = 2, RetryBaseDelay = TimeSpan.FromMilliseconds(5),
        });
        for (var i = 0; i < 3; i++)
        {
            fragile.Server.Enqueue(OpenAIWire.Error(503, "The engine is currently overloaded", "server_error"));
        }

        var result = await fragile.MutateAsync();

        Assert.Equal(MutationStatus.Failed, result.Status);
        Assert.StartsWith("diagnose: the model call failed: HTTP 503: ", result.Reason);
        Assert.Contains("currently overloaded", result.Reason);
        Assert.Equal(3, fragile.Server.Requests.Count);
    }

    [Fact]
    public async Task MutateAsync_TwoParents_FailsAndNonEmptyOutputThrows()
    {
        var parent = new MutationParent(MutatorHarness.ParentDirectory);
        var two = await harness.Mutator.MutateAsync(
            new MutationRequest { Parents = [parent, parent], OutputDirectory = harness.ChildDirectory, Seed = 1 }, CancellationToken.None);
        Assert.Equal("the llm mutator takes one parent, not 2", two.Reason);

        harness.Dir.Write("child/x.txt", "occupied");
        await Assert.ThrowsAsync<ArgumentException>(() => harness.Mutator.MutateAsync(
            new MutationRequest { Parents = [parent], OutputDirectory = harness.ChildDirectory, Seed = 1 }, CancellationToken.None));
        Assert.Empty(harness.Server.Requests);
    }
}
