using System.Runtime.InteropServices;
using Evolver.Agents.Sdk;

// Misbehaving agent: sleeps forever, ignores its cancellation token and SIGTERM/SIGINT/SIGQUIT, so only SIGKILL stops it.
return await AgentHost.RunAsync(new Sleeper(), args);

internal sealed class Sleeper : IAgent
{
    public Task<AgentReport> RunAsync(AgentContext context, CancellationToken cancellationToken)
    {
        // Refuses outside a sandbox container, so a stray run on a workstation is harmless and a sandbox that lost /repo fails loudly.
        if (context.RepoPath != AgentPaths.Repo || !File.Exists("/.dockerenv"))
        {
            return Task.FromResult(new AgentReport("error", "refusing to misbehave outside a sandbox container (/repo and /.dockerenv)"));
        }

        var ignored = new[] { PosixSignal.SIGTERM, PosixSignal.SIGINT, PosixSignal.SIGQUIT }
            .Select(signal => PosixSignalRegistration.Create(signal, c => c.Cancel = true))
            .ToList();
        Console.WriteLine($"sleeper: sleeping forever, ignoring {ignored.Count} signals and the deadline");
        Thread.Sleep(Timeout.Infinite);
        GC.KeepAlive(ignored);
        return Task.FromResult(new AgentReport("completed", "woke up, which should never happen"));
    }
}
