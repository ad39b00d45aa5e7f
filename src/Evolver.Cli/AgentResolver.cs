using Evolver.Core;
using Evolver.Mutation;
using Serilog;

namespace Evolver.Cli;

/// <summary>Turns an <c>--agent</c> argument into a runnable agent: a pseudo-agent, or a C# agent folder built with Roslyn.</summary>
internal static class AgentResolver
{
    /// <summary>Resolves <paramref name="spec"/>; on failure returns null and writes why to standard error.</summary>
    /// <param name="env">The command's environment.</param>
    /// <param name="spec"><c>gold</c>, <c>empty</c>, or the path of an agent's source folder.</param>
    /// <param name="log">The run's log.</param>
    /// <param name="cancellationToken">Stops the build.</param>
    public static async Task<ResolvedAgent?> ResolveAsync(CliEnvironment env, string spec, ILogger log, CancellationToken cancellationToken)
    {
        switch (spec)
        {
            case "gold":
                return new ResolvedAgent(AgentArtifact.Gold, null);
            case "empty":
                return new ResolvedAgent(AgentArtifact.Empty, null);
        }

        var source = env.Resolve(spec);
        if (!Directory.Exists(source))
        {
            env.Error.WriteLine($"error: --agent: '{spec}' is neither 'gold', 'empty' nor an existing agent folder ({source} does not exist)");
            return null;
        }

        // Under /tmp so the engine can bind-mount it; deleted when the run ends.
        var output = Path.Combine(Path.GetTempPath(), "evolver-agent-" + Guid.NewGuid().ToString("N")[..12]);
        var builder = new AgentBuilder(new AgentBuilderOptions(), env.Time);
        var build = await builder.BuildAsync(source, output, cancellationToken).ConfigureAwait(false);
        log.Information("Built agent {Agent} in {Seconds:F2} s: {Diagnostics} diagnostics", source, build.Elapsed.TotalSeconds, build.Diagnostics.Count);
        if (!build.Succeeded)
        {
            env.Error.WriteLine($"error: --agent: the agent in {source} does not compile:");
            foreach (var line in build.Diagnostics)
            {
                env.Error.WriteLine("  " + line);
            }

            if (Directory.Exists(output))
            {
                Directory.Delete(output, recursive: true);
            }

            return null;
        }

        return new ResolvedAgent(build.Artifact, output);
    }
}
