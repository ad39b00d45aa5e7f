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
    private readonly Dictionary<string, AgentArtifact> agents = new();
    private DockerSandbox? sandbox;

    /// <summary>Agents get this many seconds, so the hang tests stay short.</summary>
    public const int AgentSeconds = 20;

    public DockerSandbox Sandbox => sandbox ?? throw new InvalidOperationException("fixture not initialised");

    public IDockerClient Docker { get; private set; } = null!;

    public SuiteSpec Suite { get; private set; } = null!;

    public TaskSpec PythonTask => Suite.Tasks.First(t => t.Language == "python");

    public AgentArtifact Agent(string name) => agents[name];

    public async Task InitializeAsync()
    {
        var loaded = SuiteLoader.Load(RepoRoot.Combine("benchmarks", "suites", "evolver"), requireGoldPatch: true);
        Assert.True(loaded.IsValid, loaded.Describe());
        Suite = loaded.Suite!;

        var options = new SandboxOptions { MaxAgentSeconds = AgentSeconds };
        Docker = new DockerClientConfiguration(new Uri("unix:///var/run/docker.sock")).CreateClient(new Version(1, 41));
        sandbox = new DockerSandbox(Docker, options, new LoggerConfiguration().CreateLogger(), TimeProvider.System, (_, _) => Task.FromResult("evdev-python:2"), ownsClient: false);

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

        if (Directory.Exists(agentsOut))
        {
            Directory.Delete(agentsOut, recursive: true);
        }
    }
}

[CollectionDefinition(Name)]
public sealed class SandboxCollection : ICollectionFixture<SandboxFixture>
{
    public const string Name = "docker sandbox";
}
