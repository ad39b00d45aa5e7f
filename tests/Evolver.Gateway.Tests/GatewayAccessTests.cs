using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using Evolver.Core;
using Evolver.Llm.Tests.Protocol;
using Xunit;

namespace Evolver.Gateway.Tests;

/// <summary>Tokens and caps: who may call the gateway, and how much.</summary>
public sealed class GatewayAccessTests
{
    [Fact]
    public async Task Chat_NoUnknownOrRevokedToken_Is401AndNeverReachesTheProvider()
    {
        await using var bed = await GatewayBed.StartAsync();
        var grant = bed.Gateway.Open(new GatewayScope("run", "child", "task"));
        var info = bed.Info(grant);

        using var anonymous = info.CreateHttpClient();
        anonymous.DefaultRequestHeaders.Authorization = null;
        Assert.Equal(401, (await GatewayBed.PostAsync(anonymous, GatewayBed.Chat("hi"))).Status);

        using var forged = (info with { Token = grant.Token[..^2] + "xx" }).CreateHttpClient();
        var (status, body) = await GatewayBed.PostAsync(forged, GatewayBed.Chat("hi"));
        Assert.Equal(401, status);
        Assert.Equal("invalid_api_key", (string?)JsonNode.Parse(body)!["error"]!["type"]);

        bed.Gateway.Close(grant);
        using var revoked = info.CreateHttpClient();
        (status, body) = await GatewayBed.PostAsync(revoked, GatewayBed.Chat("hi"));
        Assert.Equal(401, status);
        Assert.Contains("revoked", body);
        Assert.Empty(bed.Provider.Requests);
    }

    [Fact]
    public async Task Chat_ExpiredToken_Is401ButItsUsageIsStillReturned()
    {
        await using var bed = await GatewayBed.StartAsync(options: new GatewayOptions { TokenLifetime = TimeSpan.FromMilliseconds(300) });
        bed.Provider.Enqueue(OpenAIWire.Completion("in time"));
        var grant = bed.Gateway.Open(new GatewayScope("run", "child", "task"));
        using var http = bed.Info(grant).CreateHttpClient();
        Assert.Equal(200, (await GatewayBed.PostAsync(http, GatewayBed.Chat("quick"))).Status);

        await Task.Delay(400);
        var (status, body) = await GatewayBed.PostAsync(http, GatewayBed.Chat("late"));

        Assert.Equal(401, status);
        Assert.Contains("expired", body);
        Assert.Equal(1, bed.Gateway.Close(grant).Calls);
    }

    [Fact]
    public async Task Chat_TwoTaskRuns_AreMeteredApart()
    {
        await using var bed = await GatewayBed.StartAsync();
        bed.Provider.Enqueue(OpenAIWire.Completion("a", promptTokens: 10, completionTokens: 1), OpenAIWire.Completion("b", promptTokens: 20, completionTokens: 2));
        var first = bed.Gateway.Open(new GatewayScope("run", "child", "task-a"));
        var second = bed.Gateway.Open(new GatewayScope("run", "child", "task-b"));
        Assert.NotEqual(first.Token, second.Token);
        using (var http = bed.Info(first).CreateHttpClient())
        {
            await GatewayBed.PostAsync(http, GatewayBed.Chat("a"));
        }

        using (var http = bed.Info(second).CreateHttpClient())
        {
            await GatewayBed.PostAsync(http, GatewayBed.Chat("b"));
        }

        var a = bed.Gateway.Close(first);
        var b = bed.Gateway.Close(second);
        Assert.Equal((10, 1), (a.InputTokens, a.OutputTokens));
        Assert.Equal((20, 2), (b.InputTokens, b.OutputTokens));
    }

    [Fact]
    public async Task Chat_TaskTokenCapReached_Answers429InOpenAISchemaAndRecordsIt()
    {
        await using var bed = await GatewayBed.StartAsync();
        bed.Provider.Enqueue(OpenAIWire.Completion("1", promptTokens: 100, completionTokens: 20), OpenAIWire.Completion("2", promptTokens: 100, completionTokens: 20));
        var grant = bed.Gateway.Open(new GatewayScope("run", "child", "task") { TaskLimits = new BudgetLimits { LlmTokens = 200 } });
        using var http = bed.Info(grant).CreateHttpClient();

        Assert.Equal(200, (await GatewayBed.PostAsync(http, GatewayBed.Chat("1"))).Status);
        Assert.Equal(200, (await GatewayBed.PostAsync(http, GatewayBed.Chat("2"))).Status);
        var (status, body) = await GatewayBed.PostAsync(http, GatewayBed.Chat("3"));

        Assert.Equal(429, status);
        var error = JsonNode.Parse(body)!["error"]!;
        Assert.Equal("insufficient_quota", (string?)error["type"]);
        Assert.Contains("task.llm_tokens", (string?)error["message"]);
        Assert.Equal(2, bed.Provider.Requests.Count);
        var usage = bed.Gateway.Close(grant);
        Assert.Equal(["task.llm_tokens"], usage.CapsHit);
        Assert.Equal(3, usage.Calls);
        Assert.Equal(240, usage.InputTokens + usage.OutputTokens);
        Assert.Equal(429, (int)JsonNode.Parse(usage.Exchanges[2])!["status"]!);
    }

    [Fact]
    public async Task Chat_RunDollarCapInTheRunsTracker_StopsEveryChildAndCountsThere()
    {
        await using var bed = await GatewayBed.StartAsync();
        var tracker = new BudgetTracker(new BudgetOptions { Run = new BudgetLimits { Dollars = 0.001 } }, TimeProvider.System);
        Assert.True(tracker.TryStartChild("c1").Allowed);
        Assert.True(tracker.TryStartChild("c2").Allowed);
        bed.Provider.Enqueue(OpenAIWire.Completion("pricey", promptTokens: 1000, completionTokens: 0)); // $0.002
        var one = bed.Gateway.Open(new GatewayScope("run", "c1", "t") { Budget = tracker });
        var two = bed.Gateway.Open(new GatewayScope("run", "c2", "t") { Budget = tracker });
        using var first = bed.Info(one).CreateHttpClient();
        using var second = bed.Info(two).CreateHttpClient();

        Assert.Equal(200, (await GatewayBed.PostAsync(first, GatewayBed.Chat("spend"))).Status);
        var (status, body) = await GatewayBed.PostAsync(second, GatewayBed.Chat("more"));

        Assert.Equal(429, status);
        Assert.Contains("run.dollars", body);
        Assert.Equal(1000, tracker.Usage.LlmTokens);
        Assert.Equal(0.002, tracker.Usage.Dollars, 9);
        Assert.Equal(["run.dollars"], bed.Gateway.Close(two).CapsHit);
    }

    [Fact]
    public async Task Chat_GatewayChildBudgetWithoutTracker_CapsThatChildOnly()
    {
        await using var bed = await GatewayBed.StartAsync(options: new GatewayOptions { Budgets = new BudgetOptions { PerChild = new BudgetLimits { LlmTokens = 50 } } });
        bed.Provider.Enqueue(OpenAIWire.Completion("x", promptTokens: 60, completionTokens: 0), OpenAIWire.Completion("y", promptTokens: 10, completionTokens: 0));
        var a1 = bed.Gateway.Open(new GatewayScope("run", "agent-a", "t1"));
        var a2 = bed.Gateway.Open(new GatewayScope("run", "agent-a", "t2"));
        var b1 = bed.Gateway.Open(new GatewayScope("run", "agent-b", "t1"));
        using var h1 = bed.Info(a1).CreateHttpClient();
        using var h2 = bed.Info(a2).CreateHttpClient();
        using var h3 = bed.Info(b1).CreateHttpClient();

        Assert.Equal(200, (await GatewayBed.PostAsync(h1, GatewayBed.Chat("1"))).Status);
        Assert.Equal(429, (await GatewayBed.PostAsync(h2, GatewayBed.Chat("2"))).Status);
        Assert.Equal(200, (await GatewayBed.PostAsync(h3, GatewayBed.Chat("3"))).Status);
    }

    [Fact]
    public async Task Chat_BodyNotJson_Is400AndRecorded()
    {
        await using var bed = await GatewayBed.StartAsync();
        var grant = bed.Gateway.Open(new GatewayScope("run", "child", "task"));
        using var http = bed.Info(grant).CreateHttpClient();

        using var response = await http.PostAsync("chat/completions", new StringContent("{not json", new MediaTypeHeaderValue("application/json")));

        Assert.Equal(400, (int)response.StatusCode);
        Assert.Contains("not JSON", await response.Content.ReadAsStringAsync());
        Assert.Equal("{not json", (string?)JsonNode.Parse(bed.Gateway.Close(grant).Exchanges[0])!["request"]);
    }
}
