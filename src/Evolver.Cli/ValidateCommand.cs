using System.CommandLine;
using Evolver.Core;
using Evolver.Sandbox;

namespace Evolver.Cli;

/// <summary><c>evolver validate</c>: checks suites and the harness by running <c>gold</c> and <c>empty</c> on every task.</summary>
internal static class ValidateCommand
{
    /// <summary>Builds the verb.</summary>
    public static Command Create(CliEnvironment env)
    {
        var suites = new Option<string[]>("--suite")
        {
            Description = "A suite folder to validate; repeat for several.",
            Required = true,
            HelpName = "dir",
        };
        var parallel = CommonOptions.Parallel();
        var json = CommonOptions.Json("both evaluations of every suite");
        var command = new Command(
            "validate", "Validate suites and the harness: gold must resolve every task and empty none (exit 1 when a suite fails).")
        {
            suites, parallel, json,
        };
        command.SetAction((r, ct) => RunAsync(env, r.GetRequiredValue(suites), r.GetValue(parallel), r.GetValue(json), ct));
        return command;
    }

    private static async Task<int> RunAsync(CliEnvironment env, string[] paths, int parallel, string? jsonPath, CancellationToken ct)
    {
        using var logging = CliLogging.Start(env, "validate");
        var loaded = paths.Select(p => SuiteInput.Load(env, p, requireGoldPatch: true)).ToList();
        if (loaded.Any(s => s is null))
        {
            return ExitCodes.Usage;
        }

        var suites = loaded.OfType<SuiteSpec>().ToList();
        await using var sandbox = await SandboxHost.OpenAsync(
            env, logging.Logger, new SandboxOptions(), SuiteInput.ImageFamilies(suites.SelectMany(s => s.Tasks)), ct).ConfigureAwait(false);
        if (sandbox is null)
        {
            return ExitCodes.HarnessError;
        }

        return await ValidationRun.RunAsync(env, logging.Logger, sandbox, suites, parallel, jsonPath, logging.FilePath, ct).ConfigureAwait(false);
    }
}
