using Docker.DotNet;
using Evolver.Core;
using Evolver.Mutation;
using Serilog;
using Xunit;

namespace Evolver.Sandbox.Tests;

/// <summary>One real Docker sandbox, the shipped suite and the built test agents, shared by the sandbox tests.</summary>
public sealed class SandboxFixture : IAsyncLifetime
{
    private readonly string agentsOut = Path.Combine(Path.GetTempPath(), "evolver-test-agents-" + Guid.NewGuid().ToString("N")[..8]);
    private readonly string suiteCopy = Path.Combine(Path.GetTempPath(), "evolver-test-suite-" + Guid.NewGuid().ToString("N")[..8]);
    private readonly Dictionary<string, AgentArtifact> agents = new();
    private DockerSandbox? sandbox;

    /// <summary>The shipped task the sandbox tests run on.</summary>
    public const string TaskId = "py-lru-cache-recency";

    /// <summary>A hidden test file with a name found nowhere else, to prove the agent never sees hidden tests.</summary>
    public const string HiddenMarker = "test_hidden_marker_7f3e9c";

    /// <summary>Agents get this many seconds, so the hang tests stay short.</summary>
    public const int AgentSeconds = 20;

    public DockerSandbox Sandbox => sandbox ?? throw new InvalidOperationException("fixture not initialised");

    public IDockerClient Docker { get; private set; } = null!;

    public SuiteSpec Suite { get; private set; } = null!;

    public TaskSpec PythonTask => Suite.Tasks.Single();

    public AgentArtifact Agent(string name) => agents[name];

    public async Task InitializeAsync()
    {
        // One task of the shipped suite, copied so these tests never see a suite being edited.
        var taskDir = RepoRoot.Combine("benchmarks", "suites", "evolver", "tasks", TaskId);
        CopyDirectory(taskDir, Path.Combine(suiteCopy, "tasks", TaskId));
        File.WriteAllText(Path.Combine(suiteCopy, "tasks", TaskId, "hidden", "tests", HiddenMarker + ".py"), "def test_marker():\n    assert True\n");
        File.WriteAllText(Path.Combine(suiteCopy, "suite.json"), """{ "name": "sandbox-tests", "version": "1" }""");
        var loaded = SuiteLoader.Load(suiteCopy, requireGoldPatch: true);
        Assert.True(loaded.IsValid, loaded.Describe());
        Suite = loaded.Suite!;

        var options = new SandboxOptions { MaxAgentSeconds = AgentSeconds };
        Docker = DockerEndpoint.CreateClient();
        sandbox = await DockerSandbox.CreateAsync(options, new LoggerConfiguration().CreateLogger(), TimeProvider.System, null, CancellationToken.None);
        await sandbox.PrepareAsync(Suite.Tasks.Select(t => t.Image), CancellationToken.None);

        var builder = new AgentBuilder(new AgentBuilderOptions(), TimeProvider.System);
        foreach (var dir in Directory.GetDirectories(RepoRoot.Combine("tests", "agents")))
        {
            var name = Path.GetFileName(dir);
            var result = await builder.BuildAsync(dir, Path.Combine(agentsOut, name), CancellationToken.None);
            Assert.True(result.Succeeded, result.Describe());
            agents[name] = result.Artifact! with { Name = name };
        }
    }

    public async Task DisposeAsync()
    {
        if (sandbox is not null)
        {
            await sandbox.DisposeAsync();
        }

        Docker?.Dispose();

        foreach (var dir in new[] { agentsOut, suiteCopy })
        {
            if (Directory.Exists(dir))
            {
                Directory.Delete(dir, recursive: true);
            }
        }
    }

    internal static void CopyDirectory(string from, string to)
    {
        foreach (var file in Directory.GetFiles(from, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(to, Path.GetRelativePath(from, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }
}

[CollectionDefinition(Name)]
public sealed class SandboxCollection : ICollectionFixture<SandboxFixture>
{
    public const string Name = "docker sandbox";
}
