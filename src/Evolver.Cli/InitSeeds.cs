namespace Evolver.Cli;

/// <summary>Finds seed agents: a name in the repository's <c>archive/seeds/</c>, or a folder given as a path.</summary>
internal static class InitSeeds
{
    /// <summary>The seeds folder of the repository <paramref name="env"/> runs in, or null when there is no repository.</summary>
    public static string? Directory(CliEnvironment env) => env.Repo is { } repo ? Path.Combine(repo.Root, "archive", "seeds") : null;

    /// <summary>The names of the seeds in <paramref name="seeds"/>: its folders holding C# source.</summary>
    public static IReadOnlyList<string> Available(string? seeds) =>
        seeds is not null && System.IO.Directory.Exists(seeds)
            ? [.. System.IO.Directory.GetDirectories(seeds)
                .Where(d => System.IO.Directory.EnumerateFiles(d, "*.cs").Any())
                .Select(Path.GetFileName).OfType<string>().Order(StringComparer.Ordinal)]
            : [];

    /// <summary>
    /// The folder of seed <paramref name="seed"/> (a name under <c>archive/seeds/</c>, or a path), or null after writing to
    /// standard error why there is none and which seeds exist.
    /// </summary>
    public static string? Resolve(CliEnvironment env, string seed)
    {
        if (!RunConfig.IsName(seed))
        {
            var path = env.Resolve(seed);
            if (System.IO.Directory.Exists(path))
            {
                return path;
            }

            env.Error.WriteLine($"error: --seed: the seed folder {path} does not exist.");
            return null;
        }

        var seeds = Directory(env);
        var named = seeds is null ? null : Path.Combine(seeds, seed);
        if (named is not null && System.IO.Directory.Exists(named))
        {
            return named;
        }

        var available = Available(seeds);
        env.Error.WriteLine(seeds is null
            ? $"error: --seed: unknown seed '{seed}': no Evolver repository ({RepoLayout.Marker}) above {env.WorkingDirectory} to find archive/seeds in; give the seed's folder as a path."
            : $"error: --seed: unknown seed '{seed}'; seeds available in {seeds}: {(available.Count == 0 ? "none" : string.Join(", ", available))}.");
        return null;
    }
}
