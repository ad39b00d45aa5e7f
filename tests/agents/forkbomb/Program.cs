using System.ComponentModel;
using System.Diagnostics;
using Evolver.Agents.Sdk;

// Misbehaving agent: spawns processes without end, a shell fork bomb and a loop of long sleeps, and retries when refused.
return await AgentHost.RunAsync(new ForkBomb(), args);

internal sealed class ForkBomb : IAgent
{
    public Task<AgentReport> RunAsync(AgentContext context, CancellationToken cancellationToken)
    {
        // Refuses outside a sandbox container, so a stray run on a workstation is harmless and a sandbox that lost /repo fails loudly.
        if (context.RepoPath != AgentPaths.Repo || !File.Exists("/.dockerenv"))
        {
            return Task.FromResult(new AgentReport("error", "refusing to misbehave outside a sandbox container (/repo and /.dockerenv)"));
        }

        // dash, Debian's /bin/sh, rejects ':' as a function name, hence 'f'.
        Spawn("/bin/sh", "-c", "f(){ f|f& };f");
        var started = 0L;
        while (true)
        {
            if (Spawn("/bin/sleep", "3600"))
            {
                started++;
                if (started % 100 == 0)
                {
                    Console.Error.WriteLine($"forkbomb: {started} sleepers started");
                }
            }
        }
    }

    private static bool Spawn(string file, params string[] arguments)
    {
        try
        {
            using var process = Process.Start(new ProcessStartInfo(file, arguments) { UseShellExecute = false });
            return process is not null;
        }
        catch (Exception e) when (e is Win32Exception or OutOfMemoryException or InvalidOperationException)
        {
            // The process limit refused a fork: keep trying, as a real runaway would.
            return false;
        }
    }
}
