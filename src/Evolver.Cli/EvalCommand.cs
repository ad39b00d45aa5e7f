using System.CommandLine;
using Evolver.Core;
using Evolver.Gateway;
using Evolver.Sandbox;
using Spectre.Console;

namespace Evolver.Cli;

/// <summary><c>evolver eval</c>: evaluates one agent on a suite in the Docker sandbox.</summary>
internal static class EvalCommand
{
    /// <summary>Builds the verb.</summary>
    public static Command Create(CliEnvironment env)
    {
        var agent = new Option<string>("--agent")
        {
            Description = "The agent: 'gold' (applies each task's gold.patch), 'empty' (changes nothing), or the folder of a C# agent.",
            Required = true,
            HelpName = "path|gold|empty",
        };
        var suite = new Option<string>("--suite") { Description = "The suite folder (holding suite.json and tasks/).", Required = true, HelpName = "dir" };
        var tasks = new Option<string?>("--tasks") { Description = "Only these tasks, by instance id, separated by commas.", HelpName = "id1,id2" };
        var parallel = CommonOptions.Parallel();
        var json = CommonOptions.Json("the per-task results");
        var agentTimeout = new Option<int?>("--agent-timeout")
        {
            Description = "Caps every task's agent time, in seconds (each task's own agent_seconds otherwise).",
            HelpName = "S",
        };
        CommonOptions.AddRange(agentTimeout, 1, 86_400);
        var llm = new EvalLlmOptions();

        var command = new Command("eval", "Evaluate an agent on a task suite in the Docker sandbox.") { agent, suite, tasks, parallel, json, agentTimeout };
        llm.AddTo(command);
        command.SetAction((r, ct) => RunAsync(
            env,
            r.GetRequiredValue(agent),
            r.GetRequiredValue(suite),
            r.GetValue(tasks),
            r.GetValue(parallel),
            r.GetValue(json),
            r.GetValue(agentTimeout),
            llm.Read(r),
            ct));
        return command;
    }

    private static async Task<int> RunAsync(
        CliEnvironment env, string agentSpec, string suitePath, string? taskIds, int parallel, string? jsonPath, int? agentTimeout, EvalLlmArgs llmArgs, CancellationToken ct)
    {
        using var logging = CliLogging.Start(env, "eval");
        var log = logging.Logger;
        if (SuiteInput.Load(env, suitePath, requireGoldPatch: agentSpec == "gold") is not { } suite || SuiteInput.SelectTasks(env, suite, taskIds) is not { } tasks)
        {
            return ExitCodes.Usage;
        }

        var llmOptions = llmArgs.ConfigFile is { } configFile ? GatewayHost.ReadOptions(env, configFile, "--llm-config") : null;
        if (llmArgs.ConfigFile is not null && llmOptions is null)
        {
            return ExitCodes.Usage;
        }

        if (llmArgs.Archive is not null && agentSpec is "gold" or "empty")
        {
            env.Error.WriteLine("error: --archive: only an agent folder can be archived, not the pseudo-agent " + agentSpec);
            return ExitCodes.Usage;
        }

        using var agent = await AgentResolver.ResolveAsync(env, agentSpec, log, ct).ConfigureAwait(false);
        if (agent is null)
        {
            return ExitCodes.Usage;
        }

        var gatewayOptions = new GatewayOptions { RunId = "eval", Budgets = new BudgetOptions { PerTask = new BudgetLimits { LlmTokens = llmArgs.TaskTokens, Dollars = llmArgs.TaskDollars } } };
        var started = llmOptions is null ? null : await GatewayHost.StartAsync(env, llmOptions, gatewayOptions, "--llm-config", ct).ConfigureAwait(false);
        if (llmOptions is not null && started is null)
        {
            return ExitCodes.Usage;
        }

        using var client = started?.Client;
        await using var gateway = started?.Gateway;
        var options = new SandboxOptions { MaxAgentSeconds = agentTimeout, GatewaySocketDirectory = gateway?.SocketDirectory };
        await using var sandbox = await SandboxHost.OpenAsync(env, log, options, SuiteInput.ImageFamilies(tasks), ct).ConfigureAwait(false);
        if (sandbox is null)
        {
            return ExitCodes.HarnessError;
        }

        var report = await EvaluationRun.RunAsync(env, log, sandbox, suite, tasks, agent.Artifact, parallel, ct, gateway).ConfigureAwait(false);
        EvaluationView.WriteResults(env.Console, report);
        if (gateway is not null)
        {
            EvaluationView.WriteLlmUsage(env.Console, report);
        }

        if (llmArgs.Archive is { } archive)
        {
            var id = await EvalArchiver.ArchiveAsync(env, archive, env.Resolve(agentSpec), report, ct).ConfigureAwait(false);
            env.Console.WriteLine($"archived as variant {id} in {env.Resolve(archive)} (replay it with: evolver replay --archive {archive} --agent {id})");
        }

        if (jsonPath is not null)
        {
            var file = env.Resolve(jsonPath);
            await EvaluationJson.WriteAsync(EvaluationJson.ToJson(report), file, ct).ConfigureAwait(false);
            env.Console.WriteLine($"results written to {file}");
        }

        env.Console.WriteLine($"log: {logging.FilePath}");
        var errors = report.Results.Count(r => r.Outcome == TaskOutcome.HarnessError);
        if (errors > 0)
        {
            env.Error.WriteLine(
                $"error: the harness failed on {errors} task{(errors == 1 ? "" : "s")} (outcome harness_error, see the reasons above and {logging.FilePath}); "
                + "these results do not measure the agent.");
            return ExitCodes.HarnessError;
        }

        return ExitCodes.Success;
    }
}
