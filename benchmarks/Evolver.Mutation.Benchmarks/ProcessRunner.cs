using System.Diagnostics;

namespace Evolver.Mutation.Benchmarks;

/// <summary>Runs a process to completion and returns its exit code, output and wall time.</summary>
internal static class ProcessRunner
{
    public static async Task<(int ExitCode, string Output, TimeSpan Elapsed)> RunAsync(string file, IEnumerable<string> arguments, string workingDirectory)
    {
        var psi = new ProcessStartInfo(file) { WorkingDirectory = workingDirectory, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in arguments)
        {
            psi.ArgumentList.Add(argument);
        }

        var watch = Stopwatch.StartNew();
        using var process = Process.Start(psi)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return (process.ExitCode, await stdout + await stderr, watch.Elapsed);
    }
}
