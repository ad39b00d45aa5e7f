using Evolver.Core;
using Xunit;

namespace Evolver.Sandbox.Tests;

/// <summary>
/// What a snooping agent (tests/agents/envdump) finds inside the task container: no hidden test, no secret from the
/// harness's environment, no network, no Docker socket, no writable harness file.
/// </summary>
[Collection(SandboxCollection.Name)]
public sealed class IsolationTests(SandboxFixture fixture) : IAsyncLifetime
{
    private const string SecretMarker = "sk-evolver-test-secret-93f1";
    private string findings = "";

    public async Task InitializeAsync()
    {
        // A provider key in the harness's own environment must not reach the agent.
        Environment.SetEnvironmentVariable("OPENAI_API_KEY", SecretMarker);
        try
        {
            var result = await fixture.Sandbox.SolveAsync(fixture.PythonTask, fixture.Agent("envdump"), CancellationToken.None);
            Assert.True(result.Status == AgentStatus.Completed, result.Reason + "\n" + result.OutputTail);
            findings = PatchText.AddedFileText(result.Patch, "findings.txt");
        }
        finally
        {
            Environment.SetEnvironmentVariable("OPENAI_API_KEY", null);
        }
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public void SolveAsync_AgentContainer_HoldsNoHiddenTest()
    {
        Assert.Contains("[files]", findings);
        Assert.DoesNotContain(SandboxFixture.HiddenMarker, findings);
        Assert.Contains("/repo/tests/test_cache.py", findings);
    }

    [Fact]
    public void SolveAsync_AgentEnvironment_HoldsNoHarnessSecret()
    {
        Assert.DoesNotContain(SecretMarker, findings);
        Assert.DoesNotContain("OPENAI_API_KEY", findings);
        Assert.Contains("Uid:\t1000", findings);
        Assert.Matches(@"CapEff:\s+0000000000000000", findings);
    }

    [Fact]
    public void SolveAsync_AgentNetwork_ReachesNoHost()
    {
        var network = Section("network");
        Assert.Contains("tcp 1.1.1.1:443", network);
        Assert.DoesNotContain("CONNECTED", network);
        Assert.DoesNotContain("RESOLVED", network);
    }

    [Fact]
    public void SolveAsync_AgentMounts_ExposeNoHarnessFileWritably()
    {
        var mounts = Section("mountinfo").Split('\n', StringSplitOptions.RemoveEmptyEntries).Where(m => m.Split(' ').Length > 5).ToList();
        var root = mounts.Single(m => m.Split(' ')[4] == "/");
        Assert.Contains(" ro,", root);
        // The agent's build is copied into a root-owned tmpfs, not bind-mounted from the host.
        var agentMount = mounts.Single(m => m.Split(' ')[4] == "/opt/agent");
        Assert.Contains(" - tmpfs ", agentMount);
        Assert.Contains("/opt/agent: directory, READABLE", Section("paths"));
        // Root's snapshot of the base repository lives here once the agent stops; the agent may not even list it.
        Assert.Contains("/evolver-harness: present, unreadable", Section("paths"));
        Assert.DoesNotContain(mounts, m => m.Contains(RepoRoot.Path.TrimEnd('/'), StringComparison.Ordinal));
        Assert.DoesNotContain("docker.sock: present", Section("paths"));
    }

    [Fact]
    public void SolveAsync_Limits_AreApplied()
    {
        var limits = Section("limits");
        Assert.Contains($"pids.max: {new SandboxOptions().PidsLimit}", limits);
        Assert.Contains($"memory.limit_in_bytes: {new SandboxOptions().MemoryBytes}", limits);
    }

    private string Section(string name)
    {
        var start = findings.IndexOf($"[{name}]\n", StringComparison.Ordinal);
        Assert.True(start >= 0, $"no [{name}] section in findings");
        var end = findings.IndexOf("\n[", start + 1, StringComparison.Ordinal);
        return end < 0 ? findings[start..] : findings[start..end];
    }
}
