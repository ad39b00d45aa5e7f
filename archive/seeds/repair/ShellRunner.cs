using System.Diagnostics;
using Evolver.Agents.Sdk;

/// <summary>Runs a shell command in the repository through the SDK's Shell, within the search budget.</summary>
internal sealed class ShellRunner(string repo, SearchBudget budget)
{
    private const int MaxOutputChars = 200_000;

    /// <summary>Runs <paramref name="command"/> for at most <paramref name="timeout"/> (cut to the budget).</summary>
    public async Task<(int ExitCode, string Output, TimeSpan Duration)> RunAsync(string command, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var watch = Stopwatch.StartNew();
        var result = await Shell.RunAsync(command, repo, budget.Cap(timeout), MaxOutputChars, cancellationToken);
        return (result.ExitCode, result.Output, watch.Elapsed);
    }

    /// <summary><paramref name="text"/> as one single-quoted shell word.</summary>
    public static string Quote(string text) => "'" + text.Replace("'", "'\\''") + "'";
}
