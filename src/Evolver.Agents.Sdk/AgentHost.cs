namespace Evolver.Agents.Sdk;

/// <summary>The entry contract: an agent's <c>Main</c> calls <see cref="RunAsync"/> and returns its exit code.</summary>
public static class AgentHost
{
    /// <summary>How long before the deadline the agent's token is cancelled, so it can write its report.</summary>
    public static readonly TimeSpan DeadlineMargin = TimeSpan.FromSeconds(3);

    /// <summary>
    /// Loads the context, runs <paramref name="agent"/> until it ends or its deadline nears, and writes its report.
    /// Arguments <c>--input FILE</c> and <c>--report FILE</c> override the container paths, for running on a workstation.
    /// </summary>
    /// <returns>0 when the agent completed, 1 when it gave up or failed, 2 when its input could not be read.</returns>
    public static async Task<int> RunAsync(IAgent agent, string[] args)
    {
        ArgumentNullException.ThrowIfNull(agent);
        var input = Argument(args, "--input") ?? AgentPaths.Input;
        var reportPath = Argument(args, "--report") ?? AgentPaths.Report;
        AgentContext context;
        try
        {
            context = AgentContext.Load(input);
        }
        catch (InvalidDataException e)
        {
            await Console.Error.WriteLineAsync(e.Message).ConfigureAwait(false);
            return 2;
        }

        var remaining = context.Budget.Deadline - DateTimeOffset.UtcNow - DeadlineMargin;
        using var cts = new CancellationTokenSource(remaining > TimeSpan.Zero ? remaining : TimeSpan.Zero);
        AgentReport report;
        try
        {
            report = await agent.RunAsync(context, cts.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cts.IsCancellationRequested)
        {
            report = new AgentReport("gave_up", "stopped at the deadline");
        }
        catch (Exception e)
        {
            await Console.Error.WriteLineAsync(e.ToString()).ConfigureAwait(false);
            report = new AgentReport("error", e.GetType().Name + ": " + e.Message);
        }

        if (report.Profile is null && agent.Profile?.Snapshot() is { Count: > 0 } profile)
        {
            // The agent's own figures survive a stop at the deadline or a crash, when its time was most likely lost.
            report = report with { Profile = profile };
        }

        try
        {
            report.Write(reportPath);
        }
        catch (IOException e)
        {
            await Console.Error.WriteLineAsync($"cannot write the report to {reportPath}: {e.Message}").ConfigureAwait(false);
        }

        return report.Status == "completed" ? 0 : 1;
    }

    private static string? Argument(string[] args, string name)
    {
        var i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length ? args[i + 1] : null;
    }
}
