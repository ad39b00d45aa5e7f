using Docker.DotNet;
using Xunit;

namespace Evolver.Sandbox.Tests.Images;

/// <summary>The base build's host side: debootstrap failures and the staging folder's clean-up, on the real host.</summary>
public sealed class BaseBuildTests : IClassFixture<EngineFixture>
{
    private readonly IDockerClient docker;

    public BaseBuildTests(EngineFixture engine) => docker = engine.Docker;

    [Fact]
    public async Task EnsureAsync_UnreachableMirror_FailsWithDebootstrapOutputAndCleansStaging()
    {
        using var copy = new DockerFolderCopy();
        copy.Append("base/packages.txt", $"# {Guid.NewGuid():N}\n");
        var work = Directory.CreateTempSubdirectory("evolver-work-").FullName;
        try
        {
            var options = copy.Options();
            options.WorkDirectory = work;
            // Port 9 (discard) on loopback: nothing listens, so debootstrap fails at once.
            options.DebianMirror = "http://127.0.0.1:9/debian";
            var tag = SandboxImages.TagOf("evolver-base", options);

            var error = await Assert.ThrowsAsync<SandboxException>(() =>
                SandboxImages.EnsureAsync(docker, "evolver-python", options, null, CancellationToken.None));

            Assert.StartsWith($"building {tag} failed: build-rootfs.sh exited ", error.Message, StringComparison.Ordinal);
            Assert.Contains("--- last output of that step ---", error.Message, StringComparison.Ordinal);
            Assert.Contains("127.0.0.1:9", error.Message, StringComparison.Ordinal);
            Assert.Empty(Directory.GetFileSystemEntries(work));
            Assert.False(await LocalImages.ExistsAsync(docker, tag, CancellationToken.None));
        }
        finally
        {
            Directory.Delete(work, recursive: true);
        }
    }

    [Fact]
    public async Task DisposeAsync_MountLeftInside_UnmountsAndDeletes()
    {
        var work = Directory.CreateTempSubdirectory("evolver-work-").FullName;
        var lines = new List<string>();
        try
        {
            var rootfs = RootfsDirectory.Create(work, lines.Add);
            var proc = Directory.CreateDirectory(Path.Combine(rootfs.Path, "proc")).FullName;
            // What a debootstrap killed half-way leaves behind: a live mount inside the staging folder.
            Assert.Equal(0, await HostProcess.RunAsync("mount", ["-t", "tmpfs", "evolver-test", proc], lines.Add, CancellationToken.None));
            File.WriteAllText(Path.Combine(proc, "inside-the-mount"), "x");

            await rootfs.DisposeAsync();

            Assert.Empty(Directory.GetFileSystemEntries(work));
            Assert.DoesNotContain(File.ReadLines("/proc/self/mounts"), l => l.Contains(work, StringComparison.Ordinal));
        }
        finally
        {
            Directory.Delete(work, recursive: true);
        }
    }
}
