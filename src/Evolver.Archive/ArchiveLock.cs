using System.Collections.Concurrent;
using System.Diagnostics;

namespace Evolver.Archive;

/// <summary>
/// The archive's write lock: an exclusive lock file (held open with <see cref="FileShare.None"/>, which the OS
/// drops when a writer dies) guards ref, note and index updates across processes; a semaphore per path keeps
/// threads of one process from spinning on it.
/// </summary>
internal sealed class ArchiveLock : IDisposable
{
    private static readonly ConcurrentDictionary<string, SemaphoreSlim> Gates = new(StringComparer.Ordinal);
    private static readonly TimeSpan MaxBackoff = TimeSpan.FromMilliseconds(50);

    private readonly SemaphoreSlim gate;
    private FileStream? file;

    private ArchiveLock(SemaphoreSlim gate, FileStream file)
    {
        this.gate = gate;
        this.file = file;
    }

    public static async Task<ArchiveLock> AcquireAsync(string path, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var started = Stopwatch.StartNew();
        var gate = Gates.GetOrAdd(path, _ => new SemaphoreSlim(1, 1));
        if (!await gate.WaitAsync(timeout, cancellationToken).ConfigureAwait(false))
        {
            throw TimedOut(path, timeout);
        }

        try
        {
            var backoff = TimeSpan.FromMilliseconds(1);
            while (true)
            {
                if (TryOpen(path) is { } stream)
                {
                    return new ArchiveLock(gate, stream);
                }

                if (started.Elapsed > timeout)
                {
                    throw TimedOut(path, timeout);
                }

                await Task.Delay(backoff, cancellationToken).ConfigureAwait(false);
                backoff = Next(backoff);
            }
        }
        catch
        {
            gate.Release();
            throw;
        }
    }

    public static ArchiveLock Acquire(string path, TimeSpan timeout) =>
        AcquireAsync(path, timeout, CancellationToken.None).GetAwaiter().GetResult();

    public void Dispose()
    {
        if (file is null)
        {
            return;
        }

        file.Dispose();
        file = null;
        gate.Release();
    }

    private static FileStream? TryOpen(string path)
    {
        try
        {
            return new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
        }
        catch (IOException)
        {
            // Another process holds it.
            return null;
        }
    }

    private static TimeSpan Next(TimeSpan backoff) =>
        backoff * 2 < MaxBackoff ? backoff * 2 : MaxBackoff;

    private static ArchiveException TimedOut(string path, TimeSpan timeout) =>
        new($"Timed out after {timeout.TotalSeconds:0}s waiting for the archive's write lock '{path}'; another writer holds it.");
}
