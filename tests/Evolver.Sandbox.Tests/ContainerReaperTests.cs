using Docker.DotNet;
using Docker.DotNet.Models;
using Serilog;
using Xunit;

namespace Evolver.Sandbox.Tests;

[Collection(SandboxCollection.Name)]
public sealed class ContainerReaperTests(SandboxFixture fixture)
{
    private const string Prefix = "evolver-reaper-test";

    [Fact]
    public async Task ReapAsync_ContainerOfDeadProcess_IsRemoved_LiveOwnersKept()
    {
        var image = await SandboxImages.EnsureAsync(fixture.Docker, "evolver-python", null, null, CancellationToken.None);

        // pid 2^22 + 1 is above Linux's pid_max, so no live process can own it.
        var orphan = await CreateAsync(image, $"{Environment.MachineName}/4194305/1");
        var live = await CreateAsync(image, OwnerLabel.Current);
        var foreign = await CreateAsync(image, "some-other-host/1/1");
        try
        {
            var reaped = await ContainerReaper.ReapAsync(fixture.Docker, Prefix, new LoggerConfiguration().CreateLogger(), CancellationToken.None);

            Assert.Equal(1, reaped);
            Assert.False(await ExistsAsync(orphan));
            Assert.True(await ExistsAsync(live));
            Assert.True(await ExistsAsync(foreign));
        }
        finally
        {
            foreach (var id in new[] { orphan, live, foreign })
            {
                await RemoveAsync(id);
            }
        }
    }

    private async Task<string> CreateAsync(string image, string owner)
    {
        var created = await fixture.Docker.Containers.CreateContainerAsync(new CreateContainerParameters
        {
            Image = image,
            Cmd = ["true"],
            Labels = new Dictionary<string, string> { [$"{Prefix}.managed"] = "true", [$"{Prefix}.owner"] = owner },
            HostConfig = new HostConfig { NetworkMode = "none" },
        });
        return created.ID;
    }

    private async Task<bool> ExistsAsync(string id)
    {
        try
        {
            await fixture.Docker.Containers.InspectContainerAsync(id);
            return true;
        }
        catch (DockerContainerNotFoundException)
        {
            return false;
        }
    }

    private async Task RemoveAsync(string id)
    {
        try
        {
            await fixture.Docker.Containers.RemoveContainerAsync(id, new ContainerRemoveParameters { Force = true });
        }
        catch (DockerContainerNotFoundException)
        {
        }
    }
}
