using Docker.DotNet;
using Docker.DotNet.Models;

namespace Evolver.Sandbox;

/// <summary>
/// Builds <c>evolver-base</c>: debootstrap (a host tool, run as root by <c>docker/base/build-rootfs.sh</c>) into a
/// temporary folder, then <c>tar -C folder -c .</c> streamed into the engine's image import.
/// </summary>
internal static class BaseImageBuilder
{
    public const string RootfsScript = "build-rootfs.sh";
    public const string ImageConfigFile = "image-config.txt";

    public static async Task BuildAsync(IDockerClient docker, ImagePlan plan, ImageBuildOptions options, BuildLog log, CancellationToken cancellationToken)
    {
        if (!Environment.IsPrivilegedProcess)
        {
            throw new SandboxException(
                $"{plan.BaseTag} is missing and building it needs root (debootstrap, chroot): run ./evolver.sh or ./test.sh as root once, "
                + "or build it with scripts/setup.sh's tools as root");
        }

        var changes = File.ReadLines(Path.Combine(plan.BaseDirectory, ImageConfigFile))
            .Select(l => l.Trim()).Where(l => l.Length > 0 && !l.StartsWith('#')).ToList();

        await using var rootfs = RootfsDirectory.Create(options.WorkDirectory, log.Line);
        log.Note($"debootstrap into {rootfs.Path}");
        var code = await HostProcess.RunAsync(
            "bash",
            [Path.Combine(plan.BaseDirectory, RootfsScript), rootfs.Path, options.DebianMirror, plan.Host.Root, plan.Host.RuntimeVersion],
            log.Line,
            cancellationToken).ConfigureAwait(false);
        if (code != 0)
        {
            throw new SandboxException(log.Failure($"{RootfsScript} exited {code}"));
        }

        var (repo, tag) = SplitTag(plan.BaseTag);
        log.Note("importing the root file system");
        using var tar = HostProcess.Start("tar", ["-C", rootfs.Path, "--numeric-owner", "-c", "."], log.Line, readStdout: false);
        try
        {
            await docker.Images.CreateImageAsync(
                new ImagesCreateParameters { Repo = repo, Tag = tag, Changes = changes, Message = "evolver-base via debootstrap" },
                tar.StandardOutput,
                null,
                log,
                cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            tar.Kill();
            await LocalImages.RemoveQuietlyAsync(docker, plan.BaseTag).ConfigureAwait(false);
            throw;
        }

        // A tar that died half-way would have been imported as a truncated file system: never keep that.
        var tarCode = await tar.WaitAsync(cancellationToken).ConfigureAwait(false);
        if (tarCode != 0 || log.Error is not null)
        {
            await LocalImages.RemoveQuietlyAsync(docker, plan.BaseTag).ConfigureAwait(false);
            throw new SandboxException(log.Failure($"tar exited {tarCode}"));
        }
    }

    public static (string Repository, string Tag) SplitTag(string reference)
    {
        var colon = reference.LastIndexOf(':');
        return (reference[..colon], reference[(colon + 1)..]);
    }
}
