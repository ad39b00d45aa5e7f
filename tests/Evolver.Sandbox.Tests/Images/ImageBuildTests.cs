using System.Text.RegularExpressions;
using Docker.DotNet;
using Docker.DotNet.Models;
using Xunit;
using Xunit.Abstractions;

namespace Evolver.Sandbox.Tests.Images;

/// <summary>Building throw-away families from a temporary docker/ copy on the real engine: locking and failures.</summary>
public sealed class ImageBuildTests : IClassFixture<EngineFixture>
{
    private readonly IDockerClient docker;
    private readonly ITestOutputHelper output;

    public ImageBuildTests(EngineFixture engine, ITestOutputHelper output)
    {
        docker = engine.Docker;
        this.output = output;
    }

    [Fact]
    public async Task EnsureAsync_ConcurrentCallsForNewFamily_BuildOnce()
    {
        using var copy = new DockerFolderCopy();
        // A unique input gives a tag no earlier run can have built.
        copy.AddFamily("lockprobe", $"ARG BASE\nFROM ${{BASE}}\nRUN echo {Guid.NewGuid():N} > /probe\n");
        var lines = new List<string>();
        var progress = new SyncProgress(lines);
        string? tag = null;
        try
        {
            var reports = await Task.WhenAll(Enumerable.Range(0, 3).Select(_ => Task.Run(() =>
                SandboxImages.EnsureWithReportAsync(docker, "evolver-lockprobe", copy.Options(), progress, CancellationToken.None))));
            tag = reports[0].Tag;
            output.WriteLine(string.Join('\n', lines));

            Assert.All(reports, r => Assert.Equal(tag, r.Tag));
            Assert.Single(reports.SelectMany(r => r.Built), tag);
            Assert.Single(lines, l => l.StartsWith(tag + ": Step ", StringComparison.Ordinal) && l.Contains(" : RUN echo ", StringComparison.Ordinal));
            var (code, stdout, _) = await ContainerRun.RunAsync(docker, tag, "cat /probe; id -u", TimeSpan.FromMinutes(1));
            Assert.Equal(0, code);
            Assert.Matches("^[0-9a-f]{32}\n0\n$", stdout);
        }
        finally
        {
            await RemoveAsync(tag);
        }
    }

    [Fact]
    public async Task EnsureAsync_LockHeldByAnotherProcess_WaitsThenBuilds()
    {
        using var copy = new DockerFolderCopy();
        copy.AddFamily("waitprobe", $"ARG BASE\nFROM ${{BASE}}\nRUN echo {Guid.NewGuid():N} > /probe\n");
        var tag = SandboxImages.TagOf("evolver-waitprobe", copy.Options());
        await SandboxImages.EnsureAsync(docker, "evolver-base", TestImages.Options, null, CancellationToken.None);
        var lines = new List<string>();
        Task<EnsureReport> ensure;
        try
        {
            // An exclusive flock on the tag's lock file, as another process's build holds it.
            Directory.CreateDirectory(Path.GetDirectoryName(BuildLock.PathFor(tag))!);
            using (new FileStream(BuildLock.PathFor(tag), FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None))
            {
                ensure = Task.Run(() => SandboxImages.EnsureWithReportAsync(docker, "evolver-waitprobe", copy.Options(), new SyncProgress(lines), CancellationToken.None));
                await Task.Delay(TimeSpan.FromSeconds(2));

                Assert.False(ensure.IsCompleted);
                lock (lines)
                {
                    Assert.Contains(lines, l => l.StartsWith(tag + ": waiting for another process", StringComparison.Ordinal));
                    Assert.DoesNotContain(lines, l => l == tag + ": building");
                }
            }

            var report = await ensure;
            Assert.Equal([tag], report.Built);
        }
        finally
        {
            await RemoveAsync(tag);
        }
    }

    [Fact]
    public async Task EnsureAsync_FailingStep_ThrowsWithStepAndItsOutput()
    {
        using var copy = new DockerFolderCopy();
        copy.AddFamily("failprobe", $"ARG BASE\nFROM ${{BASE}}\nRUN echo fine\nRUN echo boom-{Guid.NewGuid():N} && echo second-line && exit 3\n");
        var tag = SandboxImages.TagOf("evolver-failprobe", copy.Options());

        var error = await Assert.ThrowsAsync<SandboxException>(() =>
            SandboxImages.EnsureAsync(docker, "evolver-failprobe", copy.Options(), null, CancellationToken.None));
        output.WriteLine(error.Message);

        Assert.Matches($@"^building {Regex.Escape(tag)} failed at Step 4/\d+ : RUN echo boom-[0-9a-f]{{32}} && echo second-line && exit 3: ", error.Message);
        Assert.Contains("returned a non-zero code: 3", error.Message, StringComparison.Ordinal);
        Assert.Matches("\n--- last output of that step ---\nboom-[0-9a-f]{32}\nsecond-line$", error.Message);
        Assert.DoesNotContain("\nfine", error.Message, StringComparison.Ordinal);
        Assert.False(await LocalImages.ExistsAsync(docker, tag, CancellationToken.None));
    }

    [Fact]
    public async Task EnsureAsync_CancelledMidStep_StopsAndLeavesNoImageOrContainer()
    {
        using var copy = new DockerFolderCopy();
        var marker = Guid.NewGuid().ToString("N");
        copy.AddFamily("cancelprobe", $"ARG BASE\nFROM ${{BASE}}\nRUN echo started-{marker} && sleep 120\n");
        var tag = SandboxImages.TagOf("evolver-cancelprobe", copy.Options());
        await SandboxImages.EnsureAsync(docker, "evolver-base", TestImages.Options, null, CancellationToken.None);
        var lines = new List<string>();
        using var cts = new CancellationTokenSource();
        var progress = new SyncProgress(lines);

        var ensure = Task.Run(() => SandboxImages.EnsureAsync(docker, "evolver-cancelprobe", copy.Options(), progress, cts.Token));
        while (!ensure.IsCompleted && !Snapshot(lines).Any(l => l.EndsWith("started-" + marker, StringComparison.Ordinal)))
        {
            await Task.Delay(200);
        }

        var (_, elapsed) = await ContainerRun.TimeAsync(async () =>
        {
            cts.Cancel();
            await Assert.ThrowsAnyAsync<OperationCanceledException>(() => ensure);
            return 0;
        });

        Assert.True(elapsed < TimeSpan.FromSeconds(10), $"cancelling took {elapsed}");
        Assert.False(await LocalImages.ExistsAsync(docker, tag, CancellationToken.None));
        // The engine removes the step's container once it notices the client is gone.
        for (var i = 0; i < 50 && await StepContainersAsync(marker) > 0; i++)
        {
            await Task.Delay(200);
        }

        Assert.Equal(0, await StepContainersAsync(marker));
    }

    [Fact]
    public async Task EnsureAsync_UnknownFamily_ThrowsArgumentException()
    {
        var error = await Assert.ThrowsAsync<ArgumentException>(() =>
            SandboxImages.EnsureAsync(docker, "evolver-nosuchfamily", TestImages.Options, null, CancellationToken.None));

        Assert.Contains("nosuchfamily/Dockerfile does not exist", error.Message, StringComparison.Ordinal);
    }

    private static List<string> Snapshot(List<string> lines)
    {
        lock (lines)
        {
            return [.. lines];
        }
    }

    private async Task<int> StepContainersAsync(string marker)
    {
        var all = await docker.Containers.ListContainersAsync(new ContainersListParameters { All = true }, CancellationToken.None);
        return all.Count(c => c.Command?.Contains(marker, StringComparison.Ordinal) == true);
    }

    private async Task RemoveAsync(string? tag)
    {
        if (tag is not null)
        {
            await LocalImages.RemoveQuietlyAsync(docker, tag);
        }
    }
}
