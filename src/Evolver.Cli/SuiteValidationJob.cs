using Evolver.Core;
using Evolver.Sandbox;
using Spectre.Console;

namespace Evolver.Cli;

/// <summary>
/// <c>evolver validate --all</c> (the main job before the evolution loop became it): validates every shipped suite and the
/// three development suites (imported under <c>.evolver/suites/</c> on first run or when their upstream changed) with the
/// gold and empty agents.
/// </summary>
internal static class SuiteValidationJob
{
    /// <summary>Validates every suite.</summary>
    public static async Task<int> RunAsync(CliEnvironment env, int parallel, CancellationToken ct)
    {
        using var logging = CliLogging.Start(env, "validate");
        var log = logging.Logger;
        if (env.Repo is not { } repo)
        {
            env.Error.WriteLine($"error: no Evolver repository found: no {RepoLayout.Marker} in {env.WorkingDirectory} or above it; run evolver from the repository.");
            return ExitCodes.Usage;
        }

        var cache = new DevSuiteCache(repo);
        var dev = DevSuite.All.Where(d => Directory.Exists(cache.UpstreamDirectory(d))).ToList();
        foreach (var missing in DevSuite.All.Except(dev))
        {
            env.Error.WriteLine($"warning: development suite {missing.Name} skipped: its upstream folder {cache.UpstreamDirectory(missing)} does not exist.");
        }

        var shipped = repo.ShippedSuites.Select(s => SuiteInput.Load(env, s, requireGoldPatch: true, "shipped suite")).ToList();
        if (shipped.Any(s => s is null))
        {
            return ExitCodes.Usage;
        }

        var families = SuiteInput.ImageFamilies(shipped.SelectMany(s => s!.Tasks))
            .Concat(dev.Select(d => ImportRun.ImageFamily(d.Format))).Distinct(StringComparer.Ordinal).ToList();
        await using var sandbox = await SandboxHost.OpenAsync(env, log, new SandboxOptions(), families, ct).ConfigureAwait(false);
        if (sandbox is null)
        {
            return ExitCodes.HarnessError;
        }

        var suites = shipped.OfType<SuiteSpec>().ToList();
        var importFailed = false;
        foreach (var d in dev)
        {
            if (await cache.IsCurrentAsync(d, ct).ConfigureAwait(false))
            {
                env.Console.WriteLine($"development suite {d.Name}: up to date with {cache.UpstreamDirectory(d)}, reused");
            }
            else
            {
                env.Console.MarkupLineInterpolated($"[bold]importing development suite {d.Name}[/] from {cache.UpstreamDirectory(d)}");
                var report = await cache.ImportAsync(env, log, sandbox, d, parallel, ct).ConfigureAwait(false);
                if (ImportCommand.ExitCode(env, report) != ExitCodes.Success)
                {
                    importFailed = true;
                }
            }

            if (SuiteInput.Load(env, cache.SuiteDirectory(d), requireGoldPatch: true, "development suite") is { } suite)
            {
                suites.Add(suite);
            }
            else
            {
                importFailed = true;
            }
        }

        var code = await ValidationRun.RunAsync(env, log, sandbox, suites, parallel, null, logging.FilePath, ct).ConfigureAwait(false);
        if (importFailed)
        {
            env.Error.WriteLine("error: a development suite could not be imported completely (see above); it is validated only as far as it was imported.");
            return code == ExitCodes.Success ? ExitCodes.HarnessError : code;
        }

        return code;
    }
}
