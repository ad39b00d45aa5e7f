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
    private readonly ScoringContainers scoring;

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
        scoring = new ScoringContainers(pool, time, this.log);
        solve = new SolvePhase(options, time, new BaseSnapshots());
        score = new ScorePhase(options);
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
            pool.Warm(image, ContainerRole.Solve, gateway: options.GatewaySocketDirectory is not null);
            pool.Warm(image, ContainerRole.Score);
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
        var timer = new StepTimer(time, time.GetTimestamp());
        Task<ContainerSession>? prepared = null;
        SolveResult? result = null;
        try
        {
            var image = await resolveImage(task.Image, cancellationToken).ConfigureAwait(false);
            var repoTar = await TarArchive.FromDirectoryAsync(task.RepoDirectory, cancellationToken).ConfigureAwait(false);
            if (options.PrepareScoringContainers)
            {
                // From the host's files only, in a container of its own: nothing of the agent's container reaches it but the diff.
                prepared = scoring.Start(image, repoTar, cancellationToken);
            }

            timer.Lap("host-prepare");
            var box = await pool.TakeAsync(image, ContainerRole.Solve, options.GatewaySocketDirectory is not null, cancellationToken).ConfigureAwait(false);
            timer.Lap("container");
            try
            {
                result = await solve.RunAsync(box, task, agent, repoTar, timer, cancellationToken).ConfigureAwait(false);
            }
            catch
            {
                pool.Release(box);
                throw;
            }

            if (prepared is not null && result.Status != AgentStatus.HarnessError && !string.IsNullOrWhiteSpace(result.Patch))
            {
                // A scoring run follows: the used container is frozen now and removed (and replaced) once that run is over.
                await box.FreezeAsync().ConfigureAwait(false);
                scoring.Park(task, image, prepared, box);
                prepared = null;
            }
            else
            {
                pool.Release(box);
            }

            return result;
        }
        catch (Exception e) when (e is SandboxException or DockerApiException or HttpRequestException or IOException or TimeoutException)
        {
            log.Error(e, "Sandbox failed while solving {Task}", task.InstanceId);
            return SolvePhase.HarnessError($"sandbox failure: {e.Message}", timer);
        }
        finally
        {
            if (prepared is not null)
            {
                // No scoring run follows (no change, a harness failure, or a throw): the container is not needed.
                scoring.Discard(prepared);
            }
        }
    }

    /// <inheritdoc />
    public async Task<ScoreResult> ScoreAsync(TaskSpec task, string patch, CancellationToken cancellationToken)
    {
        var timer = new StepTimer(time, time.GetTimestamp());
        try
        {
            var image = await resolveImage(task.Image, cancellationToken).ConfigureAwait(false);
            var claimed = scoring.Claim(task, image);
            try
            {
                var box = await TakePreparedAsync(task, image, claimed?.Box, timer, cancellationToken).ConfigureAwait(false);
                try
                {
                    return await score.RunAsync(box, task, patch, timer, cancellationToken).ConfigureAwait(false);
                }
                finally
                {
                    pool.Release(box);
                }
            }
            finally
            {
                if (claimed?.Held is { } held)
                {
                    pool.Release(held);
                }
            }
        }
        catch (Exception e) when (e is SandboxException or DockerApiException or HttpRequestException or IOException or TimeoutException)
        {
            log.Error(e, "Sandbox failed while scoring {Task}", task.InstanceId);
            return new ScoreResult { Status = ScoreStatus.HarnessError, Duration = timer.Elapsed, Reason = $"sandbox failure: {e.Message}", Timings = timer.Steps };
        }
    }

    /// <summary>The scoring container prepared while the agent ran, or a new one when there is none (or it failed).</summary>
    private async Task<ContainerSession> TakePreparedAsync(TaskSpec task, string image, Task<ContainerSession>? prepared, StepTimer timer, CancellationToken cancellationToken)
    {
        if (prepared is not null)
        {
            try
            {
                var box = await prepared.WaitAsync(cancellationToken).ConfigureAwait(false);
                timer.Lap("prepared");
                return box;
            }
            catch (Exception e) when (e is SandboxException or DockerApiException or HttpRequestException or IOException or TimeoutException or OperationCanceledException
                                      && !cancellationToken.IsCancellationRequested)
            {
                log.Warning(e, "The scoring container prepared for {Task} failed; preparing another", task.InstanceId);
                scoring.Discard(prepared);
            }
        }

        var repoTar = await TarArchive.FromDirectoryAsync(task.RepoDirectory, cancellationToken).ConfigureAwait(false);
        var fresh = await scoring.PrepareAsync(image, repoTar, cancellationToken).ConfigureAwait(false);
        timer.Lap("prepare");
        return fresh;
    }

    /// <summary>
    /// Waits until the sandbox's background work has finished: replacement containers started, used ones removed. A
    /// benchmark calls it between measurements, so that neither side is charged for the previous task's clean-up.
    /// </summary>
    /// <param name="cancellationToken">Cancels the wait.</param>
    public Task WhenIdleAsync(CancellationToken cancellationToken) => pool.WhenIdleAsync(cancellationToken);

    /// <summary>Removes every container the sandbox still holds, then releases the Docker client if the sandbox created it.</summary>
    public async ValueTask DisposeAsync()
    {
        await scoring.DisposeAsync().ConfigureAwait(false);
        await pool.DisposeAsync().ConfigureAwait(false);
        if (ownsClient)
        {
            docker.Dispose();
        }
    }

}
