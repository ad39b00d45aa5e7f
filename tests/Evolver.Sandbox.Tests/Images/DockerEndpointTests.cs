using Docker.DotNet;
using Xunit;

namespace Evolver.Sandbox.Tests.Images;

public sealed class DockerEndpointTests
{
    [Fact]
    public async Task ProbeAsync_NoEngineAtSocket_SaysToRunSetup()
    {
        var socket = Path.Combine(Path.GetTempPath(), $"evolver-no-engine-{Guid.NewGuid():N}.sock");
        using var docker = new DockerClientConfiguration(new Uri("unix://" + socket)).CreateClient(DockerEndpoint.ApiVersion);

        var (problem, elapsed) = await ContainerRun.TimeAsync(() => DockerEndpoint.ProbeAsync(docker, CancellationToken.None));

        Assert.NotNull(problem);
        Assert.Contains(socket, problem, StringComparison.Ordinal);
        Assert.Contains("scripts/setup.sh", problem, StringComparison.Ordinal);
        Assert.True(elapsed < TimeSpan.FromSeconds(6), $"the probe took {elapsed}");
    }

    [Fact]
    public async Task ProbeAsync_LocalEngine_AnswersAndIsPinnedTo141()
    {
        using var docker = DockerEndpoint.CreateClient();

        var problem = await DockerEndpoint.ProbeAsync(docker, CancellationToken.None);
        Assert.True(problem is null, problem);

        var version = await docker.System.GetVersionAsync(CancellationToken.None);
        Assert.Equal("1.41", version.APIVersion);
    }
}
