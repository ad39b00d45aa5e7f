using Evolver.Agents.Sdk;

/// <summary>Runs shell commands in the repository through the SDK's Shell (timeout and output cap included).</summary>
internal sealed class BashTool(string repoPath)
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(120);
    private const int MaxOutputChars = 12_000;

    public async Task<string> RunAsync(string command, CancellationToken cancellationToken)
    {
        var result = await Shell.RunAsync(command, repoPath, Timeout, MaxOutputChars, cancellationToken);
        var status = result.TimedOut ? $"timed out after {Timeout.TotalSeconds:0} s" : $"exit code {result.ExitCode}";
        return result.Output.Length == 0 ? status + " (no output)" : status + "\n" + result.Output;
    }
}
