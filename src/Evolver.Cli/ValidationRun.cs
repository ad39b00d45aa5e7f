using System.Text.Json.Nodes;
using Evolver.Core;
using Serilog;
using Spectre.Console;

namespace Evolver.Cli;

/// <summary>Validates suites as SWE-bench validates its harness: runs <c>gold</c> and <c>empty</c> on every task.</summary>
internal static class ValidationRun
{
    /// <summary>Validates <paramref name="suites"/> and prints per suite gold x/n, empty y/n and PASS or FAIL.</summary>
    /// <returns>0 when every suite passed, 1 when one failed validation, 3 on a harness error.</returns>
    public static async Task<int> RunAsync(
        CliEnvironment env, ILogger log, ISandbox sandbox, IReadOnlyList<SuiteSpec> suites, int parallel, string? jsonPath, string logFile, CancellationToken ct)
    {
        var validations = await ValidateAsync(env, log, sandbox, suites, parallel, ct).ConfigureAwait(false);
        if (jsonPath is not null)
        {
            var file = env.Resolve(jsonPath);
            await EvaluationJson.WriteAsync(ToJson(validations), file, ct).ConfigureAwait(false);
            env.Console.WriteLine($"results written to {file}");
        }

        return Report(env, validations, logFile);
    }

    /// <summary>Runs <c>gold</c> and then <c>empty</c> on every task of each suite, printing each evaluation's summary.</summary>
    public static async Task<IReadOnlyList<SuiteValidation>> ValidateAsync(
        CliEnvironment env, ILogger log, ISandbox sandbox, IReadOnlyList<SuiteSpec> suites, int parallel, CancellationToken ct)
    {
        var validations = new List<SuiteValidation>();
        foreach (var suite in suites)
        {
            var gold = await EvaluationRun.RunAsync(env, log, sandbox, suite, suite.Tasks, AgentArtifact.Gold, parallel, ct).ConfigureAwait(false);
            env.Console.WriteLine(EvaluationView.Summary(gold));
            var empty = await EvaluationRun.RunAsync(env, log, sandbox, suite, suite.Tasks, AgentArtifact.Empty, parallel, ct).ConfigureAwait(false);
            env.Console.WriteLine(EvaluationView.Summary(empty));
            var validation = new SuiteValidation(suite, gold, empty);
            log.Information("Validation of {Suite}: {Verdict}", suite.Name, validation.Passed ? "PASS" : "FAIL");
            validations.Add(validation);
        }

        return validations;
    }

    /// <summary>Prints the table, the offending tasks and the verdict.</summary>
    /// <returns>0 when every suite passed, 1 when one failed validation, 3 on a harness error.</returns>
    public static int Report(CliEnvironment env, IReadOnlyList<SuiteValidation> validations, string logFile)
    {
        WriteTable(env.Console, validations);
        env.Console.WriteLine($"log: {logFile}");
        var harnessErrors = validations.Sum(v => v.Gold.Results.Concat(v.Empty.Results).Count(r => r.Outcome == TaskOutcome.HarnessError));
        var failed = validations.Where(v => !v.Passed).Select(v => v.Suite.Name).ToList();
        if (harnessErrors > 0)
        {
            env.Error.WriteLine($"error: the harness failed on {harnessErrors} task run(s) (outcome harness_error); see the reasons above and {logFile}.");
            return ExitCodes.HarnessError;
        }

        if (failed.Count > 0)
        {
            env.Error.WriteLine(
                $"validation FAILED for {string.Join(", ", failed)}: gold must resolve every task and empty none; the offending tasks are listed above.");
            return ExitCodes.Failed;
        }

        env.Console.WriteLine($"validation passed for all {validations.Count} suite(s): gold resolves every task, empty none.");
        return ExitCodes.Success;
    }

    private static void WriteTable(IAnsiConsole console, IReadOnlyList<SuiteValidation> validations)
    {
        var table = new Table().Border(TableBorder.Simple)
            .AddColumn("suite")
            .AddColumn(new TableColumn("gold").RightAligned())
            .AddColumn(new TableColumn("empty").RightAligned())
            .AddColumn("validation")
            .AddColumn(new TableColumn("time").RightAligned());
        foreach (var v in validations)
        {
            var n = v.Suite.Tasks.Count;
            table.AddRow(
                new Text($"{v.Suite.Name} {v.Suite.Version}"),
                new Text($"{v.Gold.ResolvedCount}/{n}"),
                new Text($"{v.Empty.ResolvedCount}/{n}"),
                new Markup(v.Passed ? "[green]PASS[/]" : "[red]FAIL[/]"),
                new Text(EvaluationView.Time(v.Gold.Duration + v.Empty.Duration)));
        }

        console.Write(table);
        foreach (var v in validations.Where(v => !v.Passed))
        {
            console.WriteLine($"{v.Suite.Name}: offending tasks");
            foreach (var (agent, r) in v.Offending)
            {
                console.WriteLine($"  {r.InstanceId}: {agent} {EvaluationJson.Name(r.Outcome)}: {r.Reason}");
            }
        }
    }

    private static JsonObject ToJson(IReadOnlyList<SuiteValidation> validations) => new()
    {
        ["passed"] = validations.All(v => v.Passed),
        ["suites"] = new JsonArray(validations.Select(v => (JsonNode)new JsonObject
        {
            ["suite"] = v.Suite.Name,
            ["suite_version"] = v.Suite.Version,
            ["directory"] = v.Suite.Directory,
            ["total"] = v.Suite.Tasks.Count,
            ["gold_resolved"] = v.Gold.ResolvedCount,
            ["empty_resolved"] = v.Empty.ResolvedCount,
            ["passed"] = v.Passed,
            ["gold"] = EvaluationJson.ToJson(v.Gold),
            ["empty"] = EvaluationJson.ToJson(v.Empty),
        }).ToArray()),
    };
}
