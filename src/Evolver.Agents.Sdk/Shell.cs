using System.Diagnostics;
using System.Text;

namespace Evolver.Agents.Sdk;

/// <summary>Runs shell commands for an agent, with a timeout and an output cap.</summary>
public static class Shell
{
    /// <summary>Runs <paramref name="command"/> with <c>/bin/sh -c</c> in <paramref name="workingDirectory"/>.</summary>
    /// <param name="command">The command line.</param>
    /// <param name="workingDirectory">Where it runs, usually the repository.</param>
    /// <param name="timeout">Killed, with its children, after this long.</param>
    /// <param name="maxOutputChars">Characters of output kept; the rest is dropped (the head and tail are kept).</param>
    /// <param name="cancellationToken">Kills the command when cancelled.</param>
    public static async Task<ShellResult> RunAsync(
        string command, string workingDirectory, TimeSpan timeout, int maxOutputChars, CancellationToken cancellationToken)
    {
        var psi = new ProcessStartInfo("/bin/sh")
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        psi.ArgumentList.Add("-c");
        psi.ArgumentList.Add(command);
        using var process = Process.Start(psi) ?? throw new InvalidOperationException("cannot start /bin/sh");
        process.StandardInput.Close();
        var output = new BoundedText(maxOutputChars);
        var stdout = PumpAsync(process.StandardOutput, output);
        var stderr = PumpAsync(process.StandardError, output);
        using var cts = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        cts.CancelAfter(timeout);
        var timedOut = false;
        try
        {
            await process.WaitForExitAsync(cts.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            timedOut = true;
            try
            {
                process.Kill(entireProcessTree: true);
            }
            catch (InvalidOperationException)
            {
                // Exited between the timeout and the kill.
            }
        }

        await Task.WhenAll(stdout, stderr).WaitAsync(TimeSpan.FromSeconds(5), CancellationToken.None).ConfigureAwait(false);
        cancellationToken.ThrowIfCancellationRequested();
        return new ShellResult(timedOut ? -1 : process.ExitCode, output.ToString(), timedOut, output.Truncated);
    }

    private static async Task PumpAsync(StreamReader reader, BoundedText sink)
    {
        var buffer = new char[8192];
        int n;
        while ((n = await reader.ReadAsync(buffer).ConfigureAwait(false)) > 0)
        {
            sink.Append(buffer.AsSpan(0, n));
        }
    }

    /// <summary>Keeps the first and last halves of a long text.</summary>
    private sealed class BoundedText(int max)
    {
        private readonly StringBuilder head = new();
        private readonly StringBuilder tail = new();
        private readonly object gate = new();

        public bool Truncated { get; private set; }

        public void Append(ReadOnlySpan<char> chars)
        {
            lock (gate)
            {
                var room = (max / 2) - head.Length;
                if (room > 0)
                {
                    var take = Math.Min(room, chars.Length);
                    head.Append(chars[..take]);
                    chars = chars[take..];
                }

                tail.Append(chars);
                if (tail.Length > max / 2)
                {
                    Truncated = true;
                    tail.Remove(0, tail.Length - (max / 2));
                }
            }
        }

        public override string ToString()
        {
            lock (gate)
            {
                return Truncated ? head + "\n…[output truncated]…\n" + tail : head.ToString() + tail;
            }
        }
    }
}
