using Docker.DotNet;
using Xunit;

namespace Evolver.Sandbox.Tests.Images;

/// <summary>The real local engine for the image tests. No engine is a failure that says to run scripts/setup.sh, never a skip.</summary>
public sealed class EngineFixture : IAsyncLifetime
{
    public DockerClient Docker { get; } = DockerEndpoint.CreateClient();

    public async Task InitializeAsync()
    {
        var problem = await DockerEndpoint.ProbeAsync(Docker, CancellationToken.None);
        Assert.True(problem is null, problem);
    }

    public Task DisposeAsync()
    {
        Docker.Dispose();
        return Task.CompletedTask;
    }
}
