using System.Text;
using Docker.DotNet;
using Evolver.Agents.Sdk;
using Evolver.Core;
using Serilog;

namespace Evolver.Sandbox;

/// <summary>
/// The Docker sandbox: each task's agent runs in a fresh, locked-down container holding the repository but never the
/// hidden tests; its diff is then scored in a second fresh container with the clean repository and the hidden tests.
/// </summary>
public sealed class DockerSandbox : ISandbox, IAsyncDisposable
{
    private readonly IDockerClient docker;
    private readonly SandboxOptions options;
    private readonly ILogger log;
    private readonly TimeProvider time;
    private readonly Func<string, CancellationToken, Task<string>> resolveImage;
    private readonly bool ownsClient;
    private readonly ContainerPool pool;
    private readonly SolvePhase solve;
    private readonly ScorePhase score;

    internal DockerSandbox(
        IDockerClient docker, SandboxOptions options, ILogger log, TimeProvider time, Func<string, CancellationToken, Task<string>> resolveImage, bool ownsClient)
    {
        this.docker = docker;
        this.options = options;
        this.log = log.ForContext<DockerSandbox>();
        this.time = time;
        this.resolveImage = resolveImage;
        this.ownsClient = ownsClient;
        pool = new ContainerPool(docker, options, this.log);
        solve = new SolvePhase(options, time);
        score = new ScorePhase(options, time);
    }

    /// <summary>
    /// Connects to the local engine, removes containers a crashed run left behind, and returns a sandbox that builds
    /// the images it needs on first use.
    /// </summary>
    /// <param name="options">Limits; validated here.</param>
    /// <param name="logger">Receives the sandbox's events.</param>
    /// <param name="time">Clock for durations and agent deadlines.</param>
    /// <param name="progress">Receives image build output; may be null.</param>
    /// <param name="cancellationToken">Cancels the start.</param>
    /// <exception cref="ArgumentException">The options are invalid.</exception>
    /// <exception cref="SandboxException">No Docker engine answers; the message says how to set one up.</exception>
    public static async Task<DockerSandbox> CreateAsync(
        SandboxOptions options, ILogger logger, TimeProvider time, IProgress<string>? progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        var problems = options.Validate();
        if (problems.Count > 0)
        {
            throw new ArgumentException("invalid sandbox options: " + string.Join("; ", problems), nameof(options));
        }

        var docker = DockerEndpoint.CreateClient();
        try
        {
            if (await DockerEndpoint.ProbeAsync(docker, cancellationToken).ConfigureAwait(false) is { } problem)
            {
                throw new SandboxException(problem);
            }

            var reaped = await ContainerReaper.ReapAsync(docker, options.LabelPrefix, logger, cancellationToken).ConfigureAwait(false);
            if (reaped > 0)
            {
                logger.Warning("Removed {Count} sandbox containers left by crashed runs", reaped);
            }
        }
        catch
        {
            docker.Dispose();
            throw;
        }

        var images = new System.Collections.Concurrent.ConcurrentDictionary<string, Lazy<Task<string>>>(StringComparer.Ordinal);
        return new DockerSandbox(docker, options, logger, time, (family, ct) => images.GetOrAdd(
            family, f => new Lazy<Task<string>>(() => EnsureImageAsync(docker, f, options.Images, progress, ct))).Value, ownsClient: true);
    }

    /// <summary>Builds, or finds, the images for <paramref name="families"/> before tasks start, so task timings exclude builds.</summary>
    /// <exception cref="SandboxException">An image could not be built, or a family is unknown.</exception>
    public async Task PrepareAsync(IEnumerable<string> families, CancellationToken cancellationToken)
    {
        foreach (var family in families.Distinct(StringComparer.Ordinal))
        {
            var image = await resolveImage(family, cancellationToken).ConfigureAwait(false);
            pool.Warm(image);
            if (options.GatewaySocketDirectory is not null)
            {
                pool.Warm(image, gateway: true);
            }
        }
    }

    private static async Task<string> EnsureImageAsync(
        IDockerClient docker, string family, ImageBuildOptions? images, IProgress<string>? progress, CancellationToken cancellationToken)
    {
        try
        {
            return await SandboxImages.EnsureAsync(docker, family, images, progress, cancellationToken).ConfigureAwait(false);
        }
        catch (ArgumentException e)
        {
            throw new SandboxException($"image '{family}' cannot be prepared: {e.Message}", e);
        }
    }

    /// <inheritdoc />
    public async Task<SolveResult> SolveAsync(TaskSpec task, AgentArtifact agent, CancellationToken cancellationToken)
    {
        var start = time.GetTimestamp();
        try
        {
            var image = await resolveImage(task.Image, cancellationToken).ConfigureAwait(false);
            var repoTar = await TarArchive.FromDirectoryAsync(task.RepoDirectory, cancellationToken).ConfigureAwait(false);
            var timer = new StepTimer(time, start);
            timer.Lap("host-prepare");
            var box = await pool.TakeAsync(image, options.GatewaySocketDirectory is not null, cancellationToken).ConfigureAwait(false);
            timer.Lap("container");
            try
            {
                return await solve.RunAsync(box, task, agent, repoTar, start, timer, cancellationToken).ConfigureAwait(false);
            }
            finally
            {
                pool.Release(box);
            }
        }
        catch (Exception e) when (e is SandboxException or DockerApiException or HttpRequestException or IOException or TimeoutException)
        {
            log.Error(e, "Sandbox failed while solving {Task}", task.InstanceId);
            return solve.HarnessError($"sandbox failure: {e.Message}", start);
        }
    }

    /// <inheritdoc />
    public async Task<ScoreResult> ScoreAsync(TaskSpec task, string patch, CancellationToken cancellationToken)
    {
        var start = time.GetTimestamp();
        try
        {
            var image = await resolveImage(task.Image, cancellationToken).ConfigureAwait(false);
            var repoTar = await TarArchive.FromDirectoryAsync(task.RepoDirectory, cancellationToken).ConfigureAwait(false);
            var timer = new StepTimer(time, start);
            timer.Lap("host-prepare");
            var box = await pool.TakeAsync(image, gateway: false, cancellationToken).ConfigureAwait(false);
            timer.Lap("container");
            try
            {
                return await score.RunAsync(box, task, patch, repoTar, start, timer, cancellationToken).ConfigureAwait(false);
            }
            finally
            {
                pool.Release(box);
            }
        }
        catch (Exception e) when (e is SandboxException or DockerApiException or HttpRequestException or IOException or TimeoutException)
        {
            log.Error(e, "Sandbox failed while scoring {Task}", task.InstanceId);
            return new ScoreResult { Status = ScoreStatus.HarnessError, Duration = time.GetElapsedTime(start), Reason = $"sandbox failure: {e.Message}" };
        }
    }

    /// <summary>Removes every container the sandbox still holds, then releases the Docker client if the sandbox created it.</summary>
    public async ValueTask DisposeAsync()
    {
        await pool.DisposeAsync().ConfigureAwait(false);
        if (ownsClient)
        {
            docker.Dispose();
        }
    }

}
