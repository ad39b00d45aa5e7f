using Docker.DotNet;
using Docker.DotNet.Models;

namespace Evolver.Sandbox;

/// <summary>Looks up images the engine already has.</summary>
internal static class LocalImages
{
    public static async Task<bool> ExistsAsync(IDockerClient docker, string tag, CancellationToken cancellationToken)
    {
        var found = await docker.Images.ListImagesAsync(
            new ImagesListParameters
            {
                Filters = new Dictionary<string, IDictionary<string, bool>> { ["reference"] = new Dictionary<string, bool> { [tag] = true } },
            },
            cancellationToken).ConfigureAwait(false);
        return found.Any(i => i.RepoTags?.Contains(tag, StringComparer.Ordinal) == true);
    }

    /// <summary>Removes a tag left by a failed build, so a broken image is never taken for a built one.</summary>
    public static async Task RemoveQuietlyAsync(IDockerClient docker, string tag)
    {
        try
        {
            await docker.Images.DeleteImageAsync(tag, new ImageDeleteParameters { Force = true }, CancellationToken.None).ConfigureAwait(false);
        }
        catch (DockerImageNotFoundException)
        {
            // Nothing was tagged.
        }
    }
}
