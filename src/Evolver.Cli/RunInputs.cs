using Evolver.Core;
using Evolver.Sandbox;
using Serilog;
using Spectre.Console;

namespace Evolver.Cli;

/// <summary>Resolves a run config's seeds and suites: names to folders, development suites imported on first use.</summary>
internal static class RunInputs
{
    /// <summary>The seeds: a name is a folder under the repository's <c>archive/seeds/</c>; the folder name is the variant id.</summary>
    public static IReadOnlyList<SeedAgent> Seeds(CliEnvironment env, RunSettings settings)
    {
        var seeds = new List<SeedAgent>();
        for (var i = 0; i < settings.Seeds.Count; i++)
        {
            var entry = settings.Seeds[i];
            string folder;
            if (RunConfig.IsName(entry))
            {
                var repo = env.Repo ?? throw RunConfigException.At($"seeds[{i}]", $"'{entry}' names a seed under archive/seeds/, but no Evolver repository was found; give the seed's folder instead");
                folder = Path.Combine(repo.Root, "archive", "seeds", entry);
            }
            else
            {
                folder = entry;
            }

            if (!Directory.Exists(folder))
            {
                throw RunConfigException.At($"seeds[{i}]", $"the seed folder {folder} does not exist");
            }

            var id = Path.GetFileName(Path.TrimEndingDirectorySeparator(folder));
            if (!System.Text.RegularExpressions.Regex.IsMatch(id, "^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$"))
            {
                throw RunConfigException.At($"seeds[{i}]", $"the seed folder's name '{id}' is its variant id and must be letters, digits, '.', '_' or '-'");
            }

            seeds.Add(new SeedAgent(id, folder));
        }

        return seeds;
    }

    /// <summary>The development suites the config names (they may still need importing).</summary>
    public static IReadOnlyList<DevSuite> DevSuites(RunSettings settings) =>
        [.. DevSuite.All.Where(d => settings.Suites.Contains(d.Name))];

    /// <summary>The image families the tasks and mutators need, before any development suite is imported.</summary>
    public static IReadOnlyCollection<string> ImageFamilies(RunSettings settings, IReadOnlyList<SuiteSpec> loaded) =>
        [.. DevSuites(settings).Select(d => ImportRun.ImageFamily(d.Format))
            .Concat(loaded.SelectMany(s => s.Tasks).Select(t => t.Image))
            .Concat(settings.Mutators.Any(m => m.Name == "self") ? ["evolver-dotnet"] : [])
            .Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)];

    /// <summary>The suites that need no sandbox to find: shipped suites by name and folders. Throws <see cref="RunConfigException"/> for an unknown name or an invalid suite.</summary>
    public static IReadOnlyList<SuiteSpec> LoadLocal(CliEnvironment env, RunSettings settings)
    {
        var suites = new List<SuiteSpec>();
        for (var i = 0; i < settings.Suites.Count; i++)
        {
            var entry = settings.Suites[i];
            if (DevSuite.All.Any(d => d.Name == entry))
            {
                continue;
            }

            var folder = entry;
            if (RunConfig.IsName(entry))
            {
                folder = env.Repo?.ShippedSuites.FirstOrDefault(s => Path.GetFileName(s) == entry)
                    ?? throw RunConfigException.At(
                        $"suites[{i}]",
                        $"'{entry}' is neither a development suite ({string.Join(", ", DevSuite.All.Select(d => d.Name))}) nor a shipped suite under benchmarks/suites/; write ./{entry} for a folder");
            }

            suites.Add(Load(folder, $"suites[{i}]"));
        }

        return suites;
    }

    /// <summary>
    /// Every suite of the config in config order, importing development suites that are missing or out of date;
    /// each trimmed to <see cref="RunSettings.TasksPerSuite"/> tasks picked by the run's seed. Null after writing why
    /// an import failed.
    /// </summary>
    public static async Task<IReadOnlyList<SuiteSpec>?> LoadAllAsync(
        CliEnvironment env, ILogger log, ISandbox sandbox, RunSettings settings, IReadOnlyList<SuiteSpec> local, CancellationToken ct)
    {
        var suites = new List<SuiteSpec>();
        var localAt = 0;
        for (var i = 0; i < settings.Suites.Count; i++)
        {
            var dev = DevSuite.All.FirstOrDefault(d => d.Name == settings.Suites[i]);
            if (dev is null)
            {
                suites.Add(local[localAt++]);
                continue;
            }

            var repo = env.Repo ?? throw RunConfigException.At($"suites[{i}]", $"the development suite {dev.Name} is imported into the repository's .evolver/suites/, but no Evolver repository was found");
            var cache = new DevSuiteCache(repo);
            if (!Directory.Exists(cache.UpstreamDirectory(dev)) && !Directory.Exists(cache.SuiteDirectory(dev)))
            {
                throw RunConfigException.At($"suites[{i}]", $"the development suite {dev.Name} needs its upstream folder {cache.UpstreamDirectory(dev)}");
            }

            if (Directory.Exists(cache.UpstreamDirectory(dev)) && !await cache.IsCurrentAsync(dev, ct).ConfigureAwait(false))
            {
                env.Console.WriteLine($"importing development suite {dev.Name} from {cache.UpstreamDirectory(dev)}");
                var report = await cache.ImportAsync(env, log, sandbox, dev, settings.Parallelism, ct).ConfigureAwait(false);
                if (ImportCommand.ExitCode(env, report) != ExitCodes.Success)
                {
                    return null;
                }
            }

            suites.Add(Load(cache.SuiteDirectory(dev), $"suites[{i}]"));
        }

        return [.. suites.Select(s => Trim(s, settings))];
    }

    private static SuiteSpec Load(string folder, string key)
    {
        var result = SuiteLoader.Load(folder);
        return result.IsValid
            ? result.Suite!
            : throw RunConfigException.At(key, $"the suite in {folder} is invalid:{Environment.NewLine}{result.Describe()}");
    }

    private static SuiteSpec Trim(SuiteSpec suite, RunSettings settings)
    {
        if (settings.TasksPerSuite is not { } n || n >= suite.Tasks.Count)
        {
            return suite;
        }

        var keep = StagePlan.OrderTasks([.. suite.Tasks.Select(t => t.InstanceId)], settings.RngSeed).Take(n).ToHashSet(StringComparer.Ordinal);
        return suite with { Tasks = [.. suite.Tasks.Where(t => keep.Contains(t.InstanceId))] };
    }
}
