using System.Collections.Concurrent;

namespace Evolver.Sandbox;

/// <summary>
/// Serialises builds of one tag: a semaphore within the process and an exclusive lock file across processes (released
/// by the kernel if the holder dies), so parallel test runs or CLI jobs do not build the same image twice.
/// </summary>
internal sealed class BuildLock : IDisposable
{
    private static readonly ConcurrentDictionary<string, SemaphoreSlim> Gates = new(StringComparer.Ordinal);
    private static readonly TimeSpan Poll = TimeSpan.FromMilliseconds(500);
    private readonly SemaphoreSlim gate;
    private readonly FileStream file;

    private BuildLock(SemaphoreSlim gate, FileStream file)
    {
        this.gate = gate;
        this.file = file;
    }

    /// <summary>Waits for the tag's lock; <paramref name="onWait"/> is told once if another process holds it.</summary>
    public static async Task<BuildLock> AcquireAsync(string tag, Action<string> onWait, CancellationToken cancellationToken)
    {
        var gate = Gates.GetOrAdd(tag, _ => new SemaphoreSlim(1, 1));
        await gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var path = PathFor(tag);
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            var told = false;
            while (true)
            {
                try
                {
                    // FileShare.None takes an exclusive flock on Unix.
                    return new BuildLock(gate, new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None));
                }
                catch (IOException) when (!cancellationToken.IsCancellationRequested)
                {
                    if (!told)
                    {
                        onWait($"waiting for another process building it ({path})");
                        told = true;
                    }

                    await Task.Delay(Poll, cancellationToken).ConfigureAwait(false);
                }
            }
        }
        catch
        {
            gate.Release();
            throw;
        }
    }

    /// <summary>The lock file of a tag, shared by every process on the machine.</summary>
    public static string PathFor(string tag) =>
        Path.Combine(Path.GetTempPath(), "evolver-image-locks", tag.Replace(':', '_') + ".lock");

    public void Dispose()
    {
        file.Dispose();
        gate.Release();
    }
}
