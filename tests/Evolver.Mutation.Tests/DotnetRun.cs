using System.Diagnostics;

namespace Evolver.Mutation.Tests;

/// <summary>Runs a built agent on the host the way a person would: <c>dotnet agent.dll --input … --report …</c>.</summary>
internal static class DotnetRun
{
    public static async Task<(int ExitCode, string Output)> RunAsync(
        string assembly, IEnumerable<string> arguments, IReadOnlyDictionary<string, string>? environment, TimeSpan timeout)
    {
        var psi = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        psi.ArgumentList.Add(assembly);
        foreach (var argument in arguments)
        {
            psi.ArgumentList.Add(argument);
        }

        foreach (var (name, value) in environment ?? new Dictionary<string, string>())
        {
            psi.Environment[name] = value;
        }

        using var process = Process.Start(psi)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var cts = new CancellationTokenSource(timeout);
        try
        {
            await process.WaitForExitAsync(cts.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"dotnet {assembly} did not end within {timeout}");
        }

        return (process.ExitCode, await stdout + await stderr);
    }
}
