using System.Text.Json.Nodes;
using Evolver.Core;
using Evolver.Llm.Tests.Protocol;
using Xunit;

namespace Evolver.Gateway.Tests;

/// <summary>Recorded exchanges served back by a replay gateway, with no provider behind it.</summary>
public sealed class GatewayReplayTests
{
    [Fact]
    public async Task Replay_SameRequests_GetTheRecordedAnswersPlainAndStreamed()
    {
        var scope = new GatewayScope("run", "child", "task-1");
        var requests = new[] { GatewayBed.Chat("first"), GatewayBed.Chat("second", stream: true) };
        var recorded = new List<string>();
        GatewayUsage usage;
        await using (var bed = await GatewayBed.StartAsync())
        {
            bed.Provider.Enqueue(OpenAIWire.Completion("one", promptTokens: 5, completionTokens: 1), StreamWire.Text(["t", "wo"]));
            var grant = bed.Gateway.Open(scope);
            using var http = bed.Info(grant).CreateHttpClient();
            foreach (var request in requests)
            {
                recorded.Add((await GatewayBed.PostAsync(http, request)).Body);
            }

            usage = bed.Gateway.Close(grant);
        }

        await using var replay = await LlmGateway.StartReplayAsync(
            new GatewayOptions(), new Dictionary<string, IReadOnlyList<string>> { ["task-1"] = usage.Exchanges }, GatewayBed.Model, TimeProvider.System, CancellationToken.None);
        var again = replay.Open(scope);
        using (var http = new Agents.Sdk.GatewayInfo(again.BaseUrl, again.Token, again.Model, replay.SocketPath).CreateHttpClient())
        {
            for (var i = 0; i < requests.Length; i++)
            {
                var (status, body) = await GatewayBed.PostAsync(http, requests[i]);
                Assert.Equal(200, status);
                Assert.Equal(recorded[i], body);
            }
        }

        var replayed = replay.Close(again);
        Assert.Empty(replayed.Problems);
        Assert.Equal((usage.InputTokens, usage.OutputTokens), (replayed.InputTokens, replayed.OutputTokens));
    }

    [Fact]
    public async Task Replay_RequestNeverRecorded_Is400NamingTaskExchangeAndJsonPath()
    {
        var first = JsonNode.Parse("""{"index":0,"request":{"model":"m","messages":[{"role":"user","content":"run the tests"}]},"status":200,"response":{"choices":[]},"usage":{"input_tokens":3,"output_tokens":1}}""")!.ToJsonString();
        await using var replay = await LlmGateway.StartReplayAsync(
            new GatewayOptions(), new Dictionary<string, IReadOnlyList<string>> { ["t9"] = [first] }, "m", TimeProvider.System, CancellationToken.None);
        var grant = replay.Open(new GatewayScope("run", "v3", "t9"));
        using var http = new Agents.Sdk.GatewayInfo(grant.BaseUrl, grant.Token, grant.Model, replay.SocketPath).CreateHttpClient();

        var (status, body) = await GatewayBed.PostAsync(http, JsonNode.Parse("""{"messages":[{"content":"run the tests now","role":"user"}],"model":"m"}""")!.AsObject());
        var (status2, _) = await GatewayBed.PostAsync(http, JsonNode.Parse("""{"model":"m","messages":[]}""")!.AsObject());

        Assert.Equal(400, status);
        Assert.Equal("replay_mismatch", (string?)JsonNode.Parse(body)!["error"]!["type"]);
        Assert.Equal(400, status2);
        var problems = replay.Close(grant).Problems;
        Assert.Equal(2, problems.Count);
        Assert.StartsWith("replay: task t9, exchange 0: the request differs from the recorded one at $.messages[0].content: texts differ at character 13", problems[0]);
        Assert.Equal("replay: task t9, exchange 1: it was never recorded (the recording of this task holds 1 exchange)", problems[1]);
    }

    [Fact]
    public void FirstDifference_KeyOrderAndNumberSpelling_DoNotCount()
    {
        var a = JsonNode.Parse("""{"a":1,"b":[{"x":"y","n":2.0}]}""");
        var b = JsonNode.Parse("""{"b":[{"n":2,"x":"y"}],"a":1.00}""");

        Assert.Null(CanonicalJson.FirstDifference(a, b));
        Assert.Equal("$.b[0].x: texts differ at character 0: recorded \"y\", got \"z\"", CanonicalJson.FirstDifference(a, JsonNode.Parse("""{"a":1,"b":[{"x":"z","n":2}]}""")));
        Assert.Equal("$.c: not recorded, got true", CanonicalJson.FirstDifference(a, JsonNode.Parse("""{"a":1,"b":[{"x":"y","n":2}],"c":true}""")));
    }
}
