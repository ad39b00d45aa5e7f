using System.CommandLine;

namespace Evolver.Cli;

/// <summary>
/// <c>evolver replay</c>: re-runs an archived agent in the sandbox with its recorded LLM exchanges served by the
/// gateway (no model, no key, no cost), compares each task's outcome with the archived one, writes JUnit XML and exits
/// non-zero when a task's outcome differs or the agent asked something that was never recorded.
/// </summary>
internal static class ReplayCommand
{
    /// <summary>Builds the verb.</summary>
    public static Command Create(CliEnvironment env)
    {
        var archive = new Option<string>("--archive")
        {
            Description = "The archive: a folder, or a path or URL git can clone (the archive's refs and notes are fetched into a temporary folder).",
            Required = true,
            HelpName = "path|git url",
        };
        var agent = new Option<string>("--agent") { Description = "The variant id to replay, e.g. v3.", Required = true, HelpName = "id" };
        var suite = new Option<string?>("--suite")
        {
            Description = "The suite folder the variant was evaluated on; default: the suite of that name under benchmarks/suites or .evolver/suites.",
            HelpName = "dir",
        };
        var junit = new Option<string?>("--junit") { Description = "Write the per-task comparison as JUnit XML to this file.", HelpName = "FILE" };
        var parallel = CommonOptions.Parallel();
        var agentTimeout = new Option<int?>("--agent-timeout") { Description = "Caps every task's agent time, in seconds.", HelpName = "S" };
        CommonOptions.AddRange(agentTimeout, 1, 86_400);

        var command = new Command("replay", "Re-run an archived agent with its recorded LLM exchanges and compare the results with the archived ones.")
        {
            archive, agent, suite, junit, parallel, agentTimeout,
        };
        command.SetAction((r, ct) => ReplayRun.RunAsync(
            env,
            new ReplayArgs(r.GetRequiredValue(archive), r.GetRequiredValue(agent), r.GetValue(suite), r.GetValue(junit), r.GetValue(parallel), r.GetValue(agentTimeout)),
            ct));
        return command;
    }
}
