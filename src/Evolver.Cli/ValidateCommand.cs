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
            HelpName = "dir",
        };
        var all = new Option<bool>("--all")
        {
            Description = "Validate every shipped suite and the development suites (imported from ../shared/benchmarks into .evolver/suites/ when missing or out of date).",
        };
        var parallel = CommonOptions.Parallel();
        var json = CommonOptions.Json("both evaluations of every suite");
        var command = new Command(
            "validate", "Validate suites and the harness: gold must resolve every task and empty none (exit 1 when a suite fails). --all validates every shipped and development suite.")
        {
            suites, all, parallel, json,
        };
        command.SetAction((r, ct) =>
        {
            var paths = r.GetValue(suites) ?? [];
            if (r.GetValue(all) == paths.Length > 0)
            {
                env.Error.WriteLine("error: validate needs either --suite <dir> (repeatable) or --all, not both and not neither.");
                return Task.FromResult(ExitCodes.Usage);
            }

            return r.GetValue(all) ? SuiteValidationJob.RunAsync(env, r.GetValue(parallel), ct) : RunAsync(env, paths, r.GetValue(parallel), r.GetValue(json), ct);
        });
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
