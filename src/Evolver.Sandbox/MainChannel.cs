using System.Text;
using Docker.DotNet;

namespace Evolver.Sandbox;

/// <summary>
/// The harness's line to a container's main process, attached before the container starts: frames go to its stdin,
/// its stdout goes to whichever sink the current step set, and its stderr is kept for <see cref="MainRecords"/>.
/// Answering there costs a few milliseconds where a docker exec costs 60-120 ms.
/// </summary>
internal sealed class MainChannel : IAsyncDisposable
{
    private readonly MultiplexedStream stream;
    private readonly long stderrCap;
    private readonly SemaphoreSlim writeGate = new(1, 1);
    private readonly Lock gate = new();
    private readonly MemoryStream stderr = new();
    private readonly Task pump;
    private BoundedOutput? stdout;
    private TaskCompletionSource changed = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private bool ended;

    /// <summary>Starts reading <paramref name="stream"/>; at most <paramref name="stderrCap"/> bytes of stderr are kept.</summary>
    public MainChannel(MultiplexedStream stream, long stderrCap)
    {
        this.stream = stream;
        this.stderrCap = stderrCap;
        pump = Task.Run(PumpAsync);
    }

    /// <summary>Sends <paramref name="line"/> and a newline, then <paramref name="payload"/> (none when null).</summary>
    public async Task SendAsync(string line, byte[]? payload, CancellationToken cancellationToken)
    {
        var header = Encoding.UTF8.GetBytes(line + "\n");
        await writeGate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            await stream.WriteAsync(header, 0, header.Length, cancellationToken).ConfigureAwait(false);
            if (payload is { Length: > 0 })
            {
                await stream.WriteAsync(payload, 0, payload.Length, cancellationToken).ConfigureAwait(false);
            }
        }
        finally
        {
            writeGate.Release();
        }
    }

    /// <summary>Sends a frame: its length on a line of its own, then its bytes.</summary>
    public Task SendFrameAsync(byte[] payload, CancellationToken cancellationToken) =>
        SendAsync(payload.Length.ToString(System.Globalization.CultureInfo.InvariantCulture), payload, cancellationToken);

    /// <summary>From now on the main process's stdout goes to a new sink keeping <paramref name="limit"/> bytes; returns it.</summary>
    public BoundedOutput CaptureStdout(long limit)
    {
        var sink = new BoundedOutput(limit);
        lock (gate)
        {
            stdout = sink;
        }

        return sink;
    }

    /// <summary>
    /// Waits for the records of <paramref name="nonce"/>. Null with <c>TimedOut</c> false when the main process ended
    /// (its stream closed) before it sent them all.
    /// </summary>
    public async Task<(MainRecords? Records, bool TimedOut)> WaitAsync(string nonce, TimeSpan timeout, CancellationToken cancellationToken)
    {
        using var deadlineCts = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var deadline = Task.Delay(timeout, deadlineCts.Token);
        var end = Encoding.ASCII.GetBytes(nonce + " end 0\n");
        var searched = 0;
        try
        {
            while (true)
            {
                Task wake;
                lock (gate)
                {
                    // Parsed only once the end record's header shows: a results tar arrives in many chunks.
                    var buffer = stderr.GetBuffer().AsSpan(0, (int)stderr.Length);
                    var from = Math.Max(0, searched - end.Length);
                    searched = buffer.Length;
                    if (buffer[from..].IndexOf(end) >= 0 && MainRecords.TryParse(buffer, nonce) is { } records)
                    {
                        return (records, false);
                    }

                    if (ended)
                    {
                        return (null, false);
                    }

                    wake = changed.Task;
                }

                if (await Task.WhenAny(wake, deadline).ConfigureAwait(false) == deadline)
                {
                    cancellationToken.ThrowIfCancellationRequested();
                    return (null, true);
                }
            }
        }
        finally
        {
            await deadlineCts.CancelAsync().ConfigureAwait(false);
        }
    }

    /// <summary>The last of the main process's stderr as text, for error messages.</summary>
    public string StderrTail(int maxChars = 2000)
    {
        lock (gate)
        {
            var text = Encoding.UTF8.GetString(stderr.GetBuffer(), 0, (int)stderr.Length);
            return text.Length <= maxChars ? text : text[^maxChars..];
        }
    }

    private async Task PumpAsync()
    {
        var buffer = new byte[81920];
        try
        {
            while (true)
            {
                var read = await stream.ReadOutputAsync(buffer, 0, buffer.Length, CancellationToken.None).ConfigureAwait(false);
                if (read.EOF)
                {
                    return;
                }

                lock (gate)
                {
                    if (read.Target == MultiplexedStream.TargetStream.StandardError)
                    {
                        var room = (int)Math.Max(0, Math.Min(stderrCap - stderr.Length, read.Count));
                        stderr.Write(buffer, 0, room);
                    }
                    else
                    {
                        stdout?.Append(buffer.AsSpan(0, read.Count));
                    }

                    Signal();
                }
            }
        }
        catch (Exception e) when (e is IOException or ObjectDisposedException or OperationCanceledException)
        {
            // The stream ended because the container stopped or was removed.
        }
        finally
        {
            lock (gate)
            {
                ended = true;
                Signal();
            }
        }
    }

    private void Signal()
    {
        var old = changed;
        changed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        old.TrySetResult();
    }

    /// <summary>Closes the connection and waits for the reader to stop. Never throws.</summary>
    public async ValueTask DisposeAsync()
    {
        stream.Dispose();
        await pump.ConfigureAwait(false);
        writeGate.Dispose();
    }
}
