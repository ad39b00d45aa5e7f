using System.Diagnostics;
using System.Runtime.InteropServices;
using Evolver.Agents.Sdk;

// Misbehaving agent: spawns processes without end. The agent replaces itself (execv) with a shell that starts a bash
// fork bomb and then becomes 'sleep infinity', which never forks and so never fails: a .NET process or a bash loop that
// cannot fork or create a thread at the process limit dies (SIGSEGV, exit 254), which would end the container and the bomb
// early and spare the sandbox its limits. Every bomber loops forever, so the bomb stays at the limit until it is killed.
return await AgentHost.RunAsync(new ForkBomb(), args);

internal sealed class ForkBomb : IAgent
{
    // stderr is dropped so the bomb tests the process limit, not the output cap, with its "fork: retry" lines.
    private const string Bomb = "exec 2>/dev/null; b(){ while :; do b & done; }; b & exec sleep infinity";

    public Task<AgentReport> RunAsync(AgentContext context, CancellationToken cancellationToken)
    {
        // Refuses outside a sandbox container, so a stray run on a workstation is harmless and a sandbox that lost /repo fails loudly.
        if (context.RepoPath != AgentPaths.Repo || !File.Exists("/.dockerenv"))
        {
            return Task.FromResult(new AgentReport("error", "refusing to misbehave outside a sandbox container (/repo and /.dockerenv)"));
        }

        Console.WriteLine("forkbomb: becoming a bash fork bomb");
        Console.Out.Flush();
        Execv("/bin/bash", ["bash", "-c", Bomb, null]);

        // execv returned, so it failed: bomb from a child instead and sleep, ignoring the deadline, as long as the runtime lasts.
        Console.WriteLine($"forkbomb: execv failed (errno {Marshal.GetLastPInvokeError()}), spawning the bomb instead");
        using var shell = Process.Start(new ProcessStartInfo("/bin/bash", ["-c", Bomb]) { UseShellExecute = false });
        Thread.Sleep(Timeout.Infinite);
        return Task.FromResult(new AgentReport("completed", "the bomb ended, which should never happen"));
    }

    [DllImport("libc", EntryPoint = "execv", SetLastError = true)]
    private static extern int Execv(string path, string?[] argv);
}
