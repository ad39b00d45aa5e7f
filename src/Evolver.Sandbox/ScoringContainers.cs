using Docker.DotNet;
using Evolver.Core;
using Serilog;

namespace Evolver.Sandbox;

/// <summary>
/// Scoring containers prepared while the agent runs: a fresh pool container with the clean repository copied in from
/// the host, nothing else. Scoring a diff then needs one frame to the container's main process, no exec. Every
/// prepared container of a task is alike, so any scoring run of that task may take any of them; one nobody takes is
/// removed after <see cref="Expiry"/>. A parked container may hold the task's frozen solve container too, which is
/// released with it: removing that container and starting its replacement cost the engine more CPU than the test run
/// of a small task, so they wait until the task's scoring is over instead of competing with it.
/// </summary>
internal sealed class ScoringContainers(ContainerPool pool, TimeProvider time, ILogger log) : IAsyncDisposable
{
    /// <summary>How long a prepared container waits for its scoring run.</summary>
    public static readonly TimeSpan Expiry = TimeSpan.FromMinutes(2);

    private readonly Lock gate = new();
    private readonly HashSet<Task<ContainerSession>> unclaimed = [];
    private readonly Dictionary<string, List<(Task<ContainerSession> Box, ContainerSession? Held, ITimer Timer)>> parked = new(StringComparer.Ordinal);
    private readonly System.Collections.Concurrent.ConcurrentDictionary<Task, bool> releasing = new();
    private bool disposed;

    /// <summary>Prepared containers waiting for a scoring run (for tests and diagnostics).</summary>
    public int ParkedCount
    {
        get
        {
            lock (gate)
            {
                return parked.Values.Sum(l => l.Count);
            }
        }
    }

    /// <summary>Starts preparing a scoring container of <paramref name="image"/>; the caller parks, claims or discards it.</summary>
    public Task<ContainerSession> Start(string image, byte[] repoTar, CancellationToken cancellationToken)
    {
        var box = PrepareAsync(image, repoTar, cancellationToken);
        lock (gate)
        {
            unclaimed.Add(box);
        }

        return box;
    }

    /// <summary>
    /// Keeps a prepared container for the next scoring run of <paramref name="task"/> on <paramref name="image"/>, with
    /// <paramref name="held"/> (the task's used solve container, or null) to hand back to the pool when it is released.
    /// </summary>
    public void Park(TaskSpec task, string image, Task<ContainerSession> box, ContainerSession? held)
    {
        var key = Key(task, image);
        lock (gate)
        {
            if (!disposed && unclaimed.Contains(box))
            {
                var timer = time.CreateTimer(_ => Expire(key, box), null, Expiry, Timeout.InfiniteTimeSpan);
                (parked.TryGetValue(key, out var list) ? list : parked[key] = []).Add((box, held, timer));
                return;
            }
        }

        Discard(box, held);
    }

    /// <summary>
    /// A prepared container for <paramref name="task"/> and the solve container held with it, or null when none is
    /// parked; the caller owns both and releases the held one once the scoring run is over.
    /// </summary>
    public (Task<ContainerSession> Box, ContainerSession? Held)? Claim(TaskSpec task, string image)
    {
        lock (gate)
        {
            if (!parked.TryGetValue(Key(task, image), out var list) || list.Count == 0)
            {
                return null;
            }

            var (box, held, timer) = list[0];
            list.RemoveAt(0);
            timer.Dispose();
            unclaimed.Remove(box);
            return (box, held);
        }
    }

    /// <summary>Removes a prepared container nobody will score in, once it is ready, and the solve container held with it.</summary>
    public void Discard(Task<ContainerSession> box, ContainerSession? held = null)
    {
        lock (gate)
        {
            unclaimed.Remove(box);
        }

        if (held is not null)
        {
            pool.Release(held);
        }

        var release = ReleaseWhenReadyAsync(box);
        releasing[release] = true;
        release.ContinueWith(t => releasing.TryRemove(t, out _), TaskScheduler.Default);
    }

    /// <summary>A scoring container of <paramref name="image"/> with the clean repository in, owned by the caller.</summary>
    public async Task<ContainerSession> PrepareAsync(string image, byte[] repoTar, CancellationToken cancellationToken)
    {
        var box = await pool.TakeAsync(image, ContainerRole.Score, gateway: false, cancellationToken).ConfigureAwait(false);
        try
        {
            // The main process extracts it while the agent runs; a failure is reported when the scoring run asks.
            await box.Main.SendFrameAsync(repoTar, cancellationToken).ConfigureAwait(false);
            return box;
        }
        catch
        {
            pool.Release(box);
            throw;
        }
    }

    private void Expire(string key, Task<ContainerSession> box)
    {
        ContainerSession? held;
        lock (gate)
        {
            if (!parked.TryGetValue(key, out var list) || list.FindIndex(p => p.Box == box) is var index && index < 0)
            {
                return;
            }

            held = list[index].Held;
            list.RemoveAt(index);
        }

        log.Debug("A prepared scoring container waited {Expiry} for its scoring run; removing it", Expiry);
        Discard(box, held);
    }

    private async Task ReleaseWhenReadyAsync(Task<ContainerSession> box)
    {
        try
        {
            pool.Release(await box.ConfigureAwait(false));
        }
        catch (Exception e) when (e is SandboxException or DockerApiException or HttpRequestException or IOException or TimeoutException or OperationCanceledException or ObjectDisposedException)
        {
            // It was never prepared; PrepareAsync already released whatever it took.
        }
    }

    private static string Key(TaskSpec task, string image) => image + "\n" + task.RepoDirectory;

    /// <summary>Removes every prepared container not claimed, and waits until they are handed back to the pool.</summary>
    public async ValueTask DisposeAsync()
    {
        List<Task<ContainerSession>> left;
        lock (gate)
        {
            disposed = true;
            foreach (var (_, held, timer) in parked.Values.SelectMany(l => l))
            {
                timer.Dispose();
                if (held is not null)
                {
                    pool.Release(held);
                }
            }

            parked.Clear();
            left = [.. unclaimed];
        }

        foreach (var box in left)
        {
            Discard(box);
        }

        await Task.WhenAll(releasing.Keys).ConfigureAwait(false);
    }
}
