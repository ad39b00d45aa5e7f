using System.Diagnostics;

namespace Evolver.Archive.Tests;

/// <summary>Runs Evolver.Archive.CrashWriter (built next to the tests) and collects the ids it reports committed.</summary>
internal sealed class WriterProcess : IDisposable
{
    private readonly Process process;
    private readonly List<string> committed = [];
    private readonly TaskCompletionSource ready = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly Task pump;
    private readonly Task<string> errors;

    public WriterProcess(string archive, string workDirectory, int count, string label)
    {
        var start = new ProcessStartInfo(DotnetHost())
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in new[] { "exec", Path.Combine(AppContext.BaseDirectory, "Evolver.Archive.CrashWriter.dll"), archive, workDirectory, count.ToString(System.Globalization.CultureInfo.InvariantCulture), label })
        {
            start.ArgumentList.Add(arg);
        }

        process = Process.Start(start)!;
        errors = process.StandardError.ReadToEndAsync();
        pump = Task.Run(async () =>
        {
            while (await process.StandardOutput.ReadLineAsync() is { } line)
            {
                if (line == "ready")
                {
                    ready.TrySetResult();
                }
                else if (line.StartsWith("committed ", StringComparison.Ordinal))
                {
                    lock (committed)
                    {
                        committed.Add(line["committed ".Length..]);
                    }
                }
            }

            ready.TrySetResult();
        });
    }

    /// <summary>Waits until the writer has opened the archive and is about to commit.</summary>
    public Task Ready => ready.Task;

    public IReadOnlyList<string> Committed
    {
        get
        {
            lock (committed)
            {
                return committed.ToList();
            }
        }
    }

    /// <summary>Kills the writer wherever it is, and waits until it is gone and its output is read.</summary>
    public async Task KillAsync()
    {
        process.Kill(entireProcessTree: true);
        await process.WaitForExitAsync();
        await pump;
    }

    /// <summary>Waits for a normal exit; returns the exit code and standard error.</summary>
    public async Task<(int Code, string Errors)> ExitAsync()
    {
        await process.WaitForExitAsync();
        await pump;
        return (process.ExitCode, await errors);
    }

    // The test host itself usually runs under the dotnet muxer; use the same one.
    private static string DotnetHost() =>
        Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host ? host
        : Path.GetFileNameWithoutExtension(Environment.ProcessPath) == "dotnet" ? Environment.ProcessPath!
        : "dotnet";

    public void Dispose()
    {
        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
        }

        process.Dispose();
    }
}
