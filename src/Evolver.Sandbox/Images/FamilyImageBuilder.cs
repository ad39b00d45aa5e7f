using System.Formats.Tar;
using Docker.DotNet;
using Docker.DotNet.Models;

namespace Evolver.Sandbox;

/// <summary>
/// Builds a family image from its folder's Dockerfile on the engine. The build context is the folder plus what its
/// <c>host-context.txt</c> takes from the host, written to a temporary tar file that is always deleted.
/// </summary>
internal static class FamilyImageBuilder
{
    public static async Task BuildAsync(IDockerClient docker, ImagePlan plan, ImageBuildOptions options, BuildLog log, CancellationToken cancellationToken)
    {
        var contextFile = Path.Combine(options.WorkDirectory ?? Path.GetTempPath(), $"evolver-context-{Guid.NewGuid():N}.tar");
        try
        {
            var (files, bytes) = await WriteContextAsync(plan, options, contextFile, cancellationToken).ConfigureAwait(false);
            log.Note($"build context: {files} files, {bytes / (1024 * 1024)} MiB");

            var parameters = new ImageBuildParameters
            {
                Tags = [plan.Tag],
                Dockerfile = "Dockerfile",
                BuildArgs = new Dictionary<string, string> { ["BASE"] = plan.BaseTag },
                Labels = new Dictionary<string, string> { ["evolver.family"] = plan.Family, ["evolver.base"] = plan.BaseTag },
                Remove = true,
                ForceRemove = true,
            };
            await using (var context = File.OpenRead(contextFile))
            {
                await docker.Images.BuildImageFromDockerfileAsync(parameters, context, null, null, log, cancellationToken).ConfigureAwait(false);
            }

            // The engine reports a failed step in the message stream, not as an HTTP error.
            if (log.Error is not null)
            {
                await LocalImages.RemoveQuietlyAsync(docker, plan.Tag).ConfigureAwait(false);
                throw new SandboxException(log.Failure("the build failed"));
            }
        }
        finally
        {
            File.Delete(contextFile);
        }
    }

    private static async Task<(int Files, long Bytes)> WriteContextAsync(ImagePlan plan, ImageBuildOptions options, string contextFile, CancellationToken cancellationToken)
    {
        var own = Directory.GetFiles(plan.FamilyDirectory, "*", SearchOption.AllDirectories)
            .Order(StringComparer.Ordinal)
            .Select(f => (Source: f, Entry: Path.GetRelativePath(plan.FamilyDirectory, f).Replace('\\', '/')));
        var all = own.Concat(plan.Context.Files(plan.Host, options.OfflinePackagesDirectory));

        var count = 0;
        await using (var output = File.Create(contextFile))
        await using (var tar = new TarWriter(output, TarEntryFormat.Pax, leaveOpen: false))
        {
            foreach (var (source, entry) in all)
            {
                await tar.WriteEntryAsync(source, entry, cancellationToken).ConfigureAwait(false);
                count++;
            }
        }

        return (count, new FileInfo(contextFile).Length);
    }
}
