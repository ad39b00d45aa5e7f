using System.Diagnostics;

namespace Evolver.Sandbox;

/// <summary>Runs a host tool (debootstrap, tar, umount, rm) and hands each output line to a callback.</summary>
internal sealed class HostProcess : IDisposable
{
    private readonly Process process;
    private readonly Task stderr;
    private readonly Task? stdout;

    private HostProcess(Process process, Action<string> onLine, bool readStdout)
    {
        this.process = process;
        stderr = PumpAsync(process.StandardError, onLine);
        stdout = readStdout ? PumpAsync(process.StandardOutput, onLine) : null;
    }

    /// <summary>The process's stdout, for a caller that streams it (when started with <c>readStdout: false</c>).</summary>
    public Stream StandardOutput => process.StandardOutput.BaseStream;

    /// <summary>
    /// Starts <paramref name="fileName"/>; the caller reads stdout itself unless <paramref name="readStdout"/>.
    /// <paramref name="environment"/> adds to (or overrides) the inherited environment.
    /// </summary>
    public static HostProcess Start(
        string fileName, IEnumerable<string> arguments, Action<string> onLine, bool readStdout, IReadOnlyDictionary<string, string>? environment = null)
    {
        var info = new ProcessStartInfo(fileName)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = false,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }

        // LC_ALL=C keeps tool messages in English, whatever the host's locale.
        info.Environment["LC_ALL"] = "C";
        info.Environment["DEBIAN_FRONTEND"] = "noninteractive";
        foreach (var (name, value) in environment ?? new Dictionary<string, string>())
        {
            info.Environment[name] = value;
        }

        try
        {
            var process = Process.Start(info) ?? throw new SandboxException($"could not start {fileName}");
            return new HostProcess(process, onLine, readStdout);
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            throw new SandboxException($"could not start {fileName}: {e.Message}; run scripts/setup.sh to install the host tools", e);
        }
    }

    /// <summary>Runs to the end and returns the exit code; on cancellation the process tree is killed.</summary>
    public static Task<int> RunAsync(string fileName, IEnumerable<string> arguments, Action<string> onLine, CancellationToken cancellationToken) =>
        RunAsync(fileName, arguments, onLine, null, cancellationToken);

    /// <summary>Runs to the end with <paramref name="environment"/> added to the inherited one; returns the exit code.</summary>
    public static async Task<int> RunAsync(
        string fileName, IEnumerable<string> arguments, Action<string> onLine, IReadOnlyDictionary<string, string>? environment, CancellationToken cancellationToken)
    {
        using var run = Start(fileName, arguments, onLine, readStdout: true, environment);
        return await run.WaitAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Waits for exit and for the output to be read; kills the process tree when cancelled.</summary>
    public async Task<int> WaitAsync(CancellationToken cancellationToken)
    {
        try
        {
            await process.WaitForExitAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            Kill();
            throw;
        }

        await stderr.ConfigureAwait(false);
        if (stdout is not null)
        {
            await stdout.ConfigureAwait(false);
        }

        return process.ExitCode;
    }

    /// <summary>Ends the process and its children, if still running.</summary>
    public void Kill()
    {
        try
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
                process.WaitForExit(10_000);
            }
        }
        catch (InvalidOperationException)
        {
            // Already gone.
        }
    }

    public void Dispose()
    {
        Kill();
        process.Dispose();
    }

    private static async Task PumpAsync(StreamReader reader, Action<string> onLine)
    {
        while (await reader.ReadLineAsync().ConfigureAwait(false) is { } line)
        {
            onLine(line);
        }
    }
}
