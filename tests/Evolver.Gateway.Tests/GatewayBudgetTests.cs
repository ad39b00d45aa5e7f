using Evolver.Core;
using Evolver.Llm.Tests.Protocol;
using Xunit;

namespace Evolver.Gateway.Tests;

/// <summary>How a task run's grant meets the run's budgets: seeds spend the run's money, agents are told their cap.</summary>
public sealed class GatewayBudgetTests
{
    [Fact]
    public async Task Chat_SeedScopeInTheRunsTracker_CountsInTheRunAndIsCappedByTheRunBudgetOnly()
    {
        await using var bed = await GatewayBed.StartAsync();
        var tracker = new BudgetTracker(
            new BudgetOptions { Run = new BudgetLimits { LlmTokens = 100 }, PerChild = new BudgetLimits { LlmTokens = 10 } }, TimeProvider.System);
        bed.Provider.Enqueue(OpenAIWire.Completion("one", promptTokens: 50, completionTokens: 10), OpenAIWire.Completion("two", promptTokens: 50, completionTokens: 10));

        // A seed is no child of the run (never started in the tracker): its child budget of 10 tokens does not apply.
        var grant = bed.Gateway.Open(new GatewayScope("run", "seed-coder", "t1") { Budget = tracker, ChildBudgets = false });
        using var http = bed.Info(grant).CreateHttpClient();

        Assert.Equal(200, (await GatewayBed.PostAsync(http, GatewayBed.Chat("first"))).Status);
        Assert.Equal(200, (await GatewayBed.PostAsync(http, GatewayBed.Chat("second"))).Status);
        Assert.Equal(120, tracker.Usage.LlmTokens);
        var (status, body) = await GatewayBed.PostAsync(http, GatewayBed.Chat("third"));

        Assert.Equal(429, status);
        Assert.Contains("run.llm_tokens", body);
        Assert.Equal("run.llm_tokens", tracker.EndedBy);
        var usage = bed.Gateway.Close(grant);
        Assert.Equal(["run.llm_tokens"], usage.CapsHit);
        Assert.Equal(3, usage.Calls);
        Assert.Equal(2, bed.Provider.Requests.Count);
    }

    [Theory]
    [InlineData(null, null, null)]
    [InlineData(5000L, null, 5000L)]
    [InlineData(null, 7000L, 7000L)]
    [InlineData(9000L, 7000L, 7000L)]
    public async Task Open_TaskTokenBudgets_GrantCarriesTheLowerOne(long? scopeLimit, long? gatewayLimit, long? expected)
    {
        await using var bed = await GatewayBed.StartAsync(options: new GatewayOptions { Budgets = new BudgetOptions { PerTask = new BudgetLimits { LlmTokens = gatewayLimit } } });

        var grant = bed.Gateway.Open(new GatewayScope("run", "child", "task") { TaskLimits = new BudgetLimits { LlmTokens = scopeLimit } });

        Assert.Equal(expected, grant.LlmTokens);
    }
}
