using System.Collections.Concurrent;
using Docker.DotNet;
using Serilog;

namespace Evolver.Sandbox;

/// <summary>
/// Keeps a few started, unused containers per image so a task never waits for one to be created, and removes used
/// containers in the background so a task never waits for that either. Each container serves exactly one phase.
/// A taken container is replaced when it is released, not when it is taken: starting a container costs the engine
/// more CPU than any step of a task, and on a small machine it would otherwise compete with the very task that took it.
/// </summary>
internal sealed class ContainerPool(IDockerClient docker, SandboxOptions options, ILogger log) : IAsyncDisposable
{
    private readonly ConcurrentDictionary<string, ConcurrentQueue<Task<ContainerSession>>> idle = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<Task, bool> removals = new();
    private int disposed;

    /// <summary>Starts containers for <paramref name="image"/> and <paramref name="role"/> until the warm target is met.</summary>
    /// <param name="image">The image.</param>
    /// <param name="role">What the containers are for.</param>
    /// <param name="gateway">For solve containers that mount the LLM gateway's socket.</param>
    public void Warm(string image, ContainerRole role, bool gateway = false) => Refill(image, role, gateway, idle.GetOrAdd(Key(image, role, gateway), _ => new()));

    /// <summary>A started, unused container of <paramref name="image"/> for <paramref name="role"/>: a warm one if any, else a new one.</summary>
    /// <param name="image">The image.</param>
    /// <param name="role">What the container is for.</param>
    /// <param name="gateway">A solve container that mounts the LLM gateway's socket; scoring containers never do.</param>
    /// <param name="cancellationToken">Cancels the wait.</param>
    public async Task<ContainerSession> TakeAsync(string image, ContainerRole role, bool gateway, CancellationToken cancellationToken)
    {
        ObjectDisposedException.ThrowIf(Volatile.Read(ref disposed) != 0, this);
        var queue = idle.GetOrAdd(Key(image, role, gateway), _ => new());
        if (queue.TryDequeue(out var warm))
        {
            try
            {
                return await warm.WaitAsync(cancellationToken).ConfigureAwait(false);
            }
            catch (Exception e) when (e is DockerApiException or HttpRequestException or IOException)
            {
                log.Warning(e, "A warm container of {Image} failed to start; starting another", image);
            }
        }

        return await ContainerSession.StartAsync(docker, image, role, options, log, gateway, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Removes a used container in the background; <see cref="DisposeAsync"/> waits for it.</summary>
    public void Release(ContainerSession session)
    {
        var removal = session.DisposeAsync().AsTask();
        removals[removal] = true;
        removal.ContinueWith(t => removals.TryRemove(t, out _), TaskScheduler.Default);
        Warm(session.Image, session.Role, session.Gateway);
    }

    /// <summary>Waits until every pending start and removal has finished (whether or not it succeeded).</summary>
    /// <param name="cancellationToken">Cancels the wait.</param>
    public async Task WhenIdleAsync(CancellationToken cancellationToken)
    {
        var pending = idle.Values.SelectMany(q => q).Cast<Task>().Concat(removals.Keys).ToArray();
        await Task.WhenAll(pending).ContinueWith(_ => { }, cancellationToken, TaskContinuationOptions.None, TaskScheduler.Default).ConfigureAwait(false);
    }

    private void Refill(string image, ContainerRole role, bool gateway, ConcurrentQueue<Task<ContainerSession>> queue)
    {
        while (Volatile.Read(ref disposed) == 0 && queue.Count < options.WarmContainers)
        {
            queue.Enqueue(ContainerSession.StartAsync(docker, image, role, options, log, gateway, CancellationToken.None));
        }
    }

    private static string Key(string image, ContainerRole role, bool gateway) => image + " " + role + (gateway ? " +gateway" : "");

    /// <summary>Removes the idle containers and waits for every pending removal.</summary>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref disposed, 1) != 0)
        {
            return;
        }

        foreach (var queue in idle.Values)
        {
            while (queue.TryDequeue(out var pending))
            {
                try
                {
                    Release(await pending.ConfigureAwait(false));
                }
                catch (Exception e) when (e is DockerApiException or HttpRequestException or IOException)
                {
                    // It never started, so there is nothing to remove.
                }
            }
        }

        await Task.WhenAll(removals.Keys).ConfigureAwait(false);
    }
}
