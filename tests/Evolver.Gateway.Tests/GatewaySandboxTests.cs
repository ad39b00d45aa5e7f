using System.Text.Json.Nodes;
using Evolver.Core;
using Evolver.Llm.Tests.Protocol;
using Xunit;

namespace Evolver.Gateway.Tests;

/// <summary>
/// The snooping agent (tests/agents/envdump) in the real Docker sandbox with the gateway mounted, and a provider key in
/// the harness's environment: the agent reaches the model through the gateway's socket, and finds no key and no other host.
/// </summary>
public sealed class GatewaySandboxTests(EnvDumpRun run) : IClassFixture<EnvDumpRun>
{
    private const string Secret = EnvDumpRun.Secret;
    private const string KeyVariable = EnvDumpRun.KeyVariable;

    private string Findings => run.Findings;

    private TaskResult Result => run.Result;

    private IReadOnlyList<RecordedRequest> ProviderRequests => run.ProviderRequests;

    [Fact]
    public void Solve_WithGateway_AgentReachesTheModelOnlyThroughTheSocket()
    {
        var gateway = Section("gateway");
        Assert.Contains("unix /evolver-gateway/gateway.sock: CONNECTED", gateway);
        Assert.Contains("GET models: 200", gateway);
        Assert.Contains("POST chat/completions: 200", gateway);
        Assert.Contains("pong from the provider", gateway);
        var request = Assert.Single(ProviderRequests);
        Assert.Equal("ping from envdump", request.LastUserMessage);

        // The gateway metered and recorded the task run, and the record names it.
        Assert.Equal(1, Result.Llm!.Calls);
        Assert.Equal(120, Result.Llm.InputTokens + Result.Llm.OutputTokens);
        var exchange = JsonNode.Parse(Assert.Single(Result.Llm.Exchanges))!;
        Assert.Equal("py-lru-cache-recency", (string?)exchange["task"]);
    }

    [Fact]
    public void Solve_WithGatewayAndTaskTokenBudget_AgentIsToldItsLlmTokens()
    {
        Assert.Contains($"llm_tokens={EnvDumpRun.TaskTokens}", Section("budget"));
    }

    [Fact]
    public void Solve_WithGateway_AgentFindsNoProviderKeyAnywhere()
    {
        Assert.DoesNotContain(Secret, Findings);
        Assert.DoesNotContain(KeyVariable, Findings);
        Assert.Contains("0 key-like strings", Section("keys"));
        Assert.DoesNotContain(Secret, Result.Solve.OutputTail);
        Assert.DoesNotContain(Secret, string.Concat(Result.Llm!.Exchanges));
    }

    [Fact]
    public void Solve_WithGateway_NetworkStaysClosedAndTheSocketFolderIsReadOnly()
    {
        var network = Section("network");
        Assert.Contains("tcp 1.1.1.1:443", network);
        Assert.DoesNotContain("CONNECTED", network);
        Assert.DoesNotContain("RESOLVED", network);
        var mount = Section("mountinfo").Split('\n').Single(m => m.Split(' ').Length > 5 && m.Split(' ')[4] == "/evolver-gateway");
        Assert.StartsWith("ro", mount.Split(' ')[5]);
        Assert.Contains("socket folder: directory, READABLE, 1 entries: gateway.sock", Section("gateway"));
    }

    private string Section(string name)
    {
        var start = Findings.IndexOf($"[{name}]\n", StringComparison.Ordinal);
        Assert.True(start >= 0, $"no [{name}] section in Findings");
        var end = Findings.IndexOf("\n[", start + 1, StringComparison.Ordinal);
        return end < 0 ? Findings[start..] : Findings[start..end];
    }
}
