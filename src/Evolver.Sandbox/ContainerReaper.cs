using Docker.DotNet;
using Docker.DotNet.Models;
using Serilog;

namespace Evolver.Sandbox;

/// <summary>Removes sandbox containers whose owning harness process died without removing them.</summary>
internal static class ContainerReaper
{
    /// <summary>Removes every labelled container owned by a dead process on this host; returns how many.</summary>
    public static async Task<int> ReapAsync(IDockerClient docker, string labelPrefix, ILogger log, CancellationToken cancellationToken)
    {
        var containers = await docker.Containers.ListContainersAsync(
            new ContainersListParameters
            {
                All = true,
                Filters = new Dictionary<string, IDictionary<string, bool>>
                {
                    ["label"] = new Dictionary<string, bool> { [$"{labelPrefix}.managed=true"] = true },
                },
            },
            cancellationToken).ConfigureAwait(false);

        var reaped = 0;
        foreach (var container in containers)
        {
            container.Labels.TryGetValue($"{labelPrefix}.owner", out var owner);
            if (!OwnerLabel.IsDeadLocalOwner(owner))
            {
                continue;
            }

            try
            {
                await docker.Containers.RemoveContainerAsync(container.ID, new ContainerRemoveParameters { Force = true, RemoveVolumes = true }, cancellationToken).ConfigureAwait(false);
                reaped++;
                log.Information("Reaped container {Container} left by dead harness process {Owner}", container.ID[..12], owner);
            }
            catch (DockerContainerNotFoundException)
            {
                // Removed meanwhile by someone else.
            }
        }

        return reaped;
    }
}
