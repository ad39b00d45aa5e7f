using Evolver.Core;
using Evolver.Suites;
using Serilog;

namespace Evolver.Cli;

/// <summary>
/// Keeps the development suites imported under <c>.evolver/suites/</c>: a suite is imported on first use and again only
/// when its upstream content hash changes (the hash is recorded beside the suite once an import succeeds).
/// </summary>
internal sealed class DevSuiteCache(RepoLayout repo)
{
    /// <summary>The folder the imported <paramref name="suite"/> lives in.</summary>
    public string SuiteDirectory(DevSuite suite) => Path.Combine(repo.ImportedSuites, suite.Name);

    /// <summary>The upstream folder of <paramref name="suite"/>.</summary>
    public string UpstreamDirectory(DevSuite suite) => Path.Combine(repo.UpstreamBenchmarks, suite.Upstream);

    /// <summary>True when the suite was imported from exactly this upstream content and still loads.</summary>
    public async Task<bool> IsCurrentAsync(DevSuite suite, CancellationToken ct)
    {
        var stamp = StampFile(suite);
        if (!File.Exists(stamp) || !SuiteLoader.Load(SuiteDirectory(suite)).IsValid)
        {
            return false;
        }

        var recorded = (await File.ReadAllTextAsync(stamp, ct).ConfigureAwait(false)).Trim();
        return recorded == await UpstreamHashAsync(suite, ct).ConfigureAwait(false);
    }

    /// <summary>Imports <paramref name="suite"/> and, when the suite was written, records the upstream hash it came from.</summary>
    public async Task<ImportReport> ImportAsync(CliEnvironment env, ILogger log, ISandbox sandbox, DevSuite suite, int parallel, CancellationToken ct)
    {
        var hash = await UpstreamHashAsync(suite, ct).ConfigureAwait(false);
        var stamp = StampFile(suite);
        if (File.Exists(stamp))
        {
            // Whatever happens next, the suite no longer matches a recorded hash.
            File.Delete(stamp);
        }

        var options = new ImportOptions { From = UpstreamDirectory(suite), Out = SuiteDirectory(suite), Format = suite.Format, Parallelism = parallel };
        var report = await ImportRun.RunAsync(env, log, sandbox, options, ct).ConfigureAwait(false);
        if (report.Succeeded && report.Tasks.All(t => t.Status != ImportStatus.Failed))
        {
            Directory.CreateDirectory(repo.ImportedSuites);
            await File.WriteAllTextAsync(stamp, hash + "\n", ct).ConfigureAwait(false);
        }

        return report;
    }

    private string StampFile(DevSuite suite) => Path.Combine(repo.ImportedSuites, suite.Name + ".upstream-sha256");

    private Task<string> UpstreamHashAsync(DevSuite suite, CancellationToken ct) => ContentHash.OfDirectoryAsync(UpstreamDirectory(suite), ct);
}
