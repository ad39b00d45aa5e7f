using System.Text;
using Evolver.Agents.Sdk;

// Misbehaving agent: writes to stdout without end, as fast as it can, and keeps going if the pipe breaks.
return await AgentHost.RunAsync(new Flood(), args);

internal sealed class Flood : IAgent
{
    public Task<AgentReport> RunAsync(AgentContext context, CancellationToken cancellationToken)
    {
        // Refuses outside a sandbox container, so a stray run on a workstation is harmless and a sandbox that lost /repo fails loudly.
        if (context.RepoPath != AgentPaths.Repo || !File.Exists("/.dockerenv"))
        {
            return Task.FromResult(new AgentReport("error", "refusing to misbehave outside a sandbox container (/repo and /.dockerenv)"));
        }

        var line = Encoding.ASCII.GetBytes("flood flood flood flood flood flood flood flood flood flood flood flood flood flood\n");
        var block = Enumerable.Repeat(line, 1024).SelectMany(b => b).ToArray();
        using var stdout = Console.OpenStandardOutput();
        while (true)
        {
            try
            {
                stdout.Write(block);
            }
            catch (IOException)
            {
                // A closed pipe does not stop a flood; only the sandbox does.
            }
        }
    }
}
