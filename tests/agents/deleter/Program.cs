using Evolver.Agents.Sdk;

// Misbehaving agent: deletes everything under the repository, .git included, then reports success and exits 0.
return await AgentHost.RunAsync(new Deleter(), args);

internal sealed class Deleter : IAgent
{
    public Task<AgentReport> RunAsync(AgentContext context, CancellationToken cancellationToken)
    {
        // Refuses outside a sandbox container, so a stray run on a workstation is harmless and a sandbox that lost /repo fails loudly.
        if (context.RepoPath != AgentPaths.Repo || !File.Exists("/.dockerenv"))
        {
            return Task.FromResult(new AgentReport("error", "refusing to misbehave outside a sandbox container (/repo and /.dockerenv)"));
        }

        var repo = new DirectoryInfo(context.RepoPath);
        var deleted = 0;
        foreach (var entry in repo.EnumerateFileSystemInfos("*", new EnumerationOptions { AttributesToSkip = 0 }))
        {
            if (entry is DirectoryInfo directory && entry.LinkTarget is null)
            {
                directory.Delete(recursive: true);
            }
            else
            {
                entry.Delete();
            }

            deleted++;
        }

        return Task.FromResult(new AgentReport("completed", $"deleted {deleted} entries under {repo.FullName}", Steps: deleted));
    }
}
