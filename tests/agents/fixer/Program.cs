using Evolver.Agents.Sdk;

// A well-behaved agent: reads its context, changes one file of the repository, reports completed.
return await AgentHost.RunAsync(new Fixer(), args);

internal sealed class Fixer : IAgent
{
    public async Task<AgentReport> RunAsync(AgentContext context, CancellationToken cancellationToken)
    {
        var readme = Path.Combine(context.RepoPath, "README.md");
        await File.AppendAllTextAsync(readme, $"fixer was here: {context.InstanceId}\n", cancellationToken);
        return new AgentReport("completed", $"appended a line to README.md for {context.InstanceId}", Steps: 1);
    }
}
