using Evolver.Agents.Sdk;

// A well-behaved agent: reads its context, changes one file of the repository, asks git what changed (SWE-style
// agents expect /repo to be an ordinary git repository at the base commit) and reports completed.
return await AgentHost.RunAsync(new Fixer(), args);

internal sealed class Fixer : IAgent
{
    public async Task<AgentReport> RunAsync(AgentContext context, CancellationToken cancellationToken)
    {
        var readme = Path.Combine(context.RepoPath, "README.md");
        await File.AppendAllTextAsync(readme, $"fixer was here: {context.InstanceId}\n", cancellationToken);
        var git = await Shell.RunAsync("git status --porcelain", context.RepoPath, TimeSpan.FromSeconds(10), 4000, cancellationToken);
        return new AgentReport("completed", $"appended a line to README.md for {context.InstanceId}; git status (exit {git.ExitCode}): {git.Output.Trim()}", Steps: 1);
    }
}
