using System.Runtime.InteropServices;
using Evolver.Agents.Sdk;

// Misbehaving agent: allocates and touches memory without end. Native memory, so the GC's heap limit cannot stop it
// before the container's memory limit does.
return await AgentHost.RunAsync(new MemHog(), args);

internal sealed class MemHog : IAgent
{
    private const int Chunk = 64 << 20;
    private const int Page = 4096;

    public Task<AgentReport> RunAsync(AgentContext context, CancellationToken cancellationToken)
    {
        // Refuses outside a sandbox container, so a stray run on a workstation is harmless and a sandbox that lost /repo fails loudly.
        if (context.RepoPath != AgentPaths.Repo || !File.Exists("/.dockerenv"))
        {
            return Task.FromResult(new AgentReport("error", "refusing to misbehave outside a sandbox container (/repo and /.dockerenv)"));
        }

        var held = new List<IntPtr>();
        while (true)
        {
            try
            {
                var chunk = Marshal.AllocHGlobal(Chunk);
                for (var offset = 0; offset < Chunk; offset += Page)
                {
                    Marshal.WriteByte(chunk, offset, 1);
                }

                held.Add(chunk);
                Console.Error.WriteLine($"memhog: holding {held.Count * (Chunk >> 20)} MiB");
            }
            catch (OutOfMemoryException)
            {
                // Refused by the allocator rather than killed: keep asking.
                Thread.Sleep(10);
            }
        }
    }
}
