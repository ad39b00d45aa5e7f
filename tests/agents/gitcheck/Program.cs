using Evolver.Agents.Sdk;

// SWE-style agents expect /repo to be an ordinary git repository at the base commit: this one changes one file and
// asks its own git what changed, reporting git's answer and exit code.
return await AgentHost.RunAsync(new GitCheck(), args);

internal sealed class GitCheck : IAgent
{
    public async Task<AgentReport> RunAsync(AgentContext context, CancellationToken cancellationToken)
    {
        await File.AppendAllTextAsync(Path.Combine(context.RepoPath, "README.md"), "gitcheck was here\n", cancellationToken);
        var git = await Shell.RunAsync("git status --porcelain && git log --format=%s", context.RepoPath, TimeSpan.FromSeconds(10), 4000, cancellationToken);
        return new AgentReport("completed", $"git (exit {git.ExitCode}): {git.Output.Trim().ReplaceLineEndings(" | ")}", Steps: 1);
    }
}
