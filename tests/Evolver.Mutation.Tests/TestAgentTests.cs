using System.Diagnostics;
using System.Runtime.InteropServices;
using System.Text.Json;
using Evolver.Agents.Sdk;
using Xunit;
using Xunit.Abstractions;

namespace Evolver.Mutation.Tests;

/// <summary>The agents in tests/agents build with <see cref="AgentBuilder"/>, and the harmless ones run on the host.</summary>
public sealed class TestAgentTests(ITestOutputHelper output)
{
    private readonly AgentBuilder builder = new(new AgentBuilderOptions(), TimeProvider.System);

    public static TheoryData<string> Agents() => [.. AgentNames()];

    [Fact]
    public void TestAgents_Folder_HoldsEveryAgentTheSandboxTestsNeed()
    {
        Assert.Equal(
            ["deleter", "envdump", "fixer", "flood", "forkbomb", "gitcheck", "memhog", "sleeper"],
            AgentNames());
    }

    [Theory]
    [MemberData(nameof(Agents))]
    public async Task BuildAsync_TestAgent_SucceedsWithoutDiagnostics(string agent)
    {
        using var dir = new TempDirectory();

        var result = await builder.BuildAsync(TestPaths.Agent(agent), dir.Path, CancellationToken.None);

        Assert.True(result.Succeeded, result.Describe());
        Assert.Empty(result.Diagnostics);
        Assert.Equal(agent, result.Artifact.Name);
        Assert.True(File.Exists(Path.Combine(result.Artifact.BuildDirectory!, result.Artifact.EntryAssembly!)));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Fixer_RunOnHost_ChangesRepoAndReportsCompleted(bool againstRuntimeFolder)
    {
        // againstRuntimeFolder: the fallback for hosts without the SDK's reference pack, the running runtime's own assemblies.
        using var dir = new TempDirectory();
        var options = againstRuntimeFolder
            ? new AgentBuilderOptions { ReferenceAssembliesDirectory = RuntimeEnvironment.GetRuntimeDirectory() }
            : new AgentBuilderOptions();
        var built = await new AgentBuilder(options, TimeProvider.System).BuildAsync(TestPaths.Agent("fixer"), dir.Combine("out"), CancellationToken.None);
        Assert.True(built.Succeeded, built.Describe());

        var (exitCode, report, log) = await RunOnHostAsync(dir, built.Artifact.BuildDirectory!, "fixer-1");

        Assert.True(exitCode == 0, log);
        Assert.Equal("# demo\nfixer was here: fixer-1\n", File.ReadAllText(dir.Combine("repo", "README.md")));
        Assert.Equal("completed", report.Status);
    }

    [Theory]
    [InlineData("deleter")]
    [InlineData("sleeper")]
    public async Task MisbehavingAgent_RunOnHost_RefusesAndLeavesRepoAlone(string agent)
    {
        using var dir = new TempDirectory();
        dir.Write("repo/.git/HEAD", "ref: refs/heads/main\n");
        var built = await builder.BuildAsync(TestPaths.Agent(agent), dir.Combine("out"), CancellationToken.None);
        Assert.True(built.Succeeded, built.Describe());

        var (exitCode, report, log) = await RunOnHostAsync(dir, built.Artifact.BuildDirectory!, agent);

        Assert.True(exitCode == 1, log);
        Assert.Equal("error", report.Status);
        Assert.Contains("refusing", report.Summary);
        Assert.Equal("# demo\n", File.ReadAllText(dir.Combine("repo", "README.md")));
        Assert.True(File.Exists(dir.Combine("repo", ".git", "HEAD")));
    }

    [Fact]
    public async Task Envdump_RunOnHost_RecordsWhatAnUnsandboxedAgentCanSee()
    {
        // The positive control for the sandbox tests: on the host, envdump must see a planted secret and the Docker socket.
        using var dir = new TempDirectory();
        var built = await builder.BuildAsync(TestPaths.Agent("envdump"), dir.Combine("out"), CancellationToken.None);
        Assert.True(built.Succeeded, built.Describe());
        var secret = "planted-" + Guid.NewGuid().ToString("N");

        var (exitCode, report, log) = await RunOnHostAsync(
            dir, built.Artifact.BuildDirectory!, "envdump", new Dictionary<string, string> { ["EVOLVER_TEST_SECRET"] = secret });

        Assert.True(exitCode == 0, log);
        Assert.Equal("completed", report.Status);
        var findings = File.ReadAllText(dir.Combine("repo", "findings.txt"));
        Assert.Contains($"EVOLVER_TEST_SECRET={secret}", findings);
        foreach (var section in new[] { "[identity]", "[environment]", "[mountinfo]", "[limits]", "[paths]", "[network]", "[files]" })
        {
            Assert.Contains(section, findings);
        }

        Assert.Contains("tcp 1.1.1.1:443: ", findings);
        if (File.Exists("/var/run/docker.sock") && Environment.UserName == "root")
        {
            Assert.Contains("unix /var/run/docker.sock: CONNECTED", findings);
        }
    }

    [Fact]
    public async Task BuildAsync_RepeatedWarmBuildsAndOtherFolder_GiveIdenticalBytes()
    {
        using var dir = new TempDirectory();
        CopyDirectory(TestPaths.Agent("fixer"), dir.Combine("elsewhere", "fixer-copy"));
        var first = await builder.BuildAsync(TestPaths.Agent("fixer"), dir.Combine("warmup"), CancellationToken.None);
        Assert.True(first.Succeeded, first.Describe());
        output.WriteLine($"first build in this process: {first.Elapsed.TotalMilliseconds:F0} ms");

        var times = new List<double>();
        for (var i = 0; i < 5; i++)
        {
            var stopwatch = Stopwatch.StartNew();
            var again = await builder.BuildAsync(TestPaths.Agent("fixer"), dir.Combine($"out{i}"), CancellationToken.None);
            times.Add(stopwatch.Elapsed.TotalMilliseconds);
            Assert.True(again.Succeeded, again.Describe());
            AssertSameBuild(dir.Combine("warmup"), dir.Combine($"out{i}"));
        }

        var copy = await builder.BuildAsync(dir.Combine("elsewhere", "fixer-copy"), dir.Combine("copy"), CancellationToken.None);
        Assert.True(copy.Succeeded, copy.Describe());
        AssertSameBuild(dir.Combine("warmup"), dir.Combine("copy"));
        output.WriteLine($"warm builds: {string.Join(", ", times.Select(t => $"{t:F0}"))} ms");
    }

    private static string[] AgentNames() =>
        [.. Directory.GetDirectories(TestPaths.AgentsDirectory).Select(d => Path.GetFileName(d)).Order(StringComparer.Ordinal)];

    private static void AssertSameBuild(string expected, string actual)
    {
        foreach (var file in new[] { "agent.dll", "agent.pdb", "agent.runtimeconfig.json" })
        {
            Assert.True(
                File.ReadAllBytes(Path.Combine(expected, file)).AsSpan().SequenceEqual(File.ReadAllBytes(Path.Combine(actual, file))),
                $"{file} differs between {expected} and {actual}");
        }
    }

    private static void CopyDirectory(string from, string to)
    {
        foreach (var file in Directory.GetFiles(from, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(to, Path.GetRelativePath(from, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }

    /// <summary>Runs the built agent with a context whose repository is <c>repo/</c> (holding a README) in <paramref name="dir"/>.</summary>
    private static async Task<(int ExitCode, AgentReport Report, string Log)> RunOnHostAsync(
        TempDirectory dir, string buildDirectory, string instanceId, IReadOnlyDictionary<string, string>? environment = null)
    {
        if (!File.Exists(dir.Combine("repo", "README.md")))
        {
            dir.Write("repo/README.md", "# demo\n");
        }

        var context = new AgentContext
        {
            InstanceId = instanceId,
            ProblemStatement = "Say hello in the README.",
            RepoPath = dir.Combine("repo"),
            Language = "python",
            Budget = new AgentBudget(60, TimeProvider.System.GetUtcNow().AddSeconds(60), 1 << 20),
        };
        var input = dir.Write("input.json", context.ToJson());
        var reportPath = dir.Combine("report", "report.json");

        var (exitCode, log) = await DotnetRun.RunAsync(
            Path.Combine(buildDirectory, AgentBuilder.EntryAssembly), ["--input", input, "--report", reportPath], environment, TimeSpan.FromSeconds(90));

        var report = JsonSerializer.Deserialize<AgentReport>(File.ReadAllText(reportPath), AgentContext.JsonOptions)!;
        return (exitCode, report, log);
    }
}
