using System.Text.Json;
using System.Text.Json.Nodes;

namespace Evolver.Cli;

/// <summary>
/// The JSON config of <c>evolver run</c>: the embedded default, deep-merged with a config file, then with command-line
/// flags. Relative paths are resolved where they are written (a file's against its folder, flags' and defaults'
/// against the working directory), so the merged config saved in the run state means the same from anywhere.
/// Every key is documented in the README, section "Run configuration".
/// </summary>
internal static class RunConfig
{
    /// <summary>
    /// The embedded default: an offline evolution of the repair seed with the gp mutator on QuixBugs. Polyglot is left
    /// out (the seed cannot resolve any of its tasks, so it would only eat the budget), and three gp children in four
    /// draw from the agent's tunable constants, where a one-step change can make the search fit its time budget.
    /// </summary>
    public const string DefaultJson = """
        {
          "archive": "./evolver-archive",
          "seeds": ["repair"],
          "suites": ["quixbugs"],
          "tasks_per_suite": null,
          "mutators": [
            { "name": "gp", "weight": 3, "parents": 1, "options": { "operators": "constant" } },
            { "name": "gp", "weight": 1, "parents": 1, "options": {} }
          ],
          "selector": { "name": "dgm" },
          "stages": { "plan": "dgm" },
          "admission": { "policy": "keep_all", "reference": "parent", "leeway": 0 },
          "parallelism": 2,
          "budgets": {
            "run": { "iterations": 10, "wall_clock_minutes": 45 },
            "child": {},
            "task": {}
          },
          "rng_seed": 1,
          "shuffle_tasks_per_child": false,
          "agent_timeout_seconds": 60,
          "mutation_timeout_seconds": 600,
          "build_timeout_seconds": 300,
          "llm": null
        }
        """;

    private static readonly JsonDocumentOptions ReadOptions = new() { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true };

    /// <summary>The embedded default config, with its archive path resolved against <paramref name="workingDirectory"/>.</summary>
    public static JsonObject Default(string workingDirectory)
    {
        var config = JsonNode.Parse(DefaultJson)!.AsObject();
        ResolvePaths(config, workingDirectory);
        return config;
    }

    /// <summary>
    /// The default merged with the config file <paramref name="path"/> (JSON; comments and trailing commas allowed).
    /// Throws <see cref="RunConfigException"/> when the file is missing or not a JSON object.
    /// </summary>
    public static JsonObject Load(string path, string workingDirectory)
    {
        var file = Path.GetFullPath(path, workingDirectory);
        if (!File.Exists(file))
        {
            throw new RunConfigException($"config file {file} does not exist");
        }

        JsonNode? parsed;
        try
        {
            parsed = JsonNode.Parse(File.ReadAllText(file), documentOptions: ReadOptions);
        }
        catch (JsonException e)
        {
            throw new RunConfigException($"config file {file} is not valid JSON: {e.Message}");
        }

        if (parsed is not JsonObject overrides)
        {
            throw new RunConfigException($"config file {file} must hold a JSON object");
        }

        ResolvePaths(overrides, Path.GetDirectoryName(file)!);
        var config = Default(workingDirectory);
        Merge(config, overrides);
        return config;
    }

    /// <summary>Reads a config saved in a run state.</summary>
    public static JsonObject FromSaved(JsonElement saved) =>
        JsonNode.Parse(saved.GetRawText()) as JsonObject ?? throw new RunConfigException("the run state's config is not a JSON object");

    /// <summary>
    /// Sets the value at <paramref name="keyPath"/> (dot-separated, e.g. <c>budgets.run.iterations</c>), creating objects on
    /// the way; path values are resolved against <paramref name="workingDirectory"/>.
    /// </summary>
    public static void Set(JsonObject config, string keyPath, JsonNode? value, string workingDirectory)
    {
        var parts = keyPath.Split('.');
        var target = config;
        foreach (var part in parts[..^1])
        {
            if (target[part] is not JsonObject next)
            {
                target[part] = next = [];
            }

            target = next;
        }

        var holder = new JsonObject { [parts[^1]] = value };
        ResolvePaths(holder, workingDirectory);
        target[parts[^1]] = holder[parts[^1]]!?.DeepClone();
    }

    /// <summary>Whether a seed or suite entry is a name (<c>repair</c>, <c>quixbugs</c>) rather than a path.</summary>
    public static bool IsName(string entry) =>
        entry.Length > 0 && !entry.StartsWith('.') && !entry.StartsWith('~') && !entry.Contains('/') && !entry.Contains('\\');

    /// <summary>Writes <paramref name="config"/> indented, for people and the run state.</summary>
    public static string Show(JsonObject config) => config.ToJsonString(new JsonSerializerOptions { WriteIndented = true });

    /// <summary>Objects merge key by key; anything else (arrays included) replaces.</summary>
    private static void Merge(JsonObject target, JsonObject overrides)
    {
        foreach (var (key, value) in overrides.ToList())
        {
            if (value is JsonObject inner && target[key] is JsonObject existing)
            {
                Merge(existing, inner);
            }
            else
            {
                target[key] = value?.DeepClone();
            }
        }
    }

    private static void ResolvePaths(JsonObject config, string baseDirectory)
    {
        if (config["archive"] is JsonValue archive && archive.TryGetValue<string>(out var path) && path.Length > 0)
        {
            config["archive"] = Path.GetFullPath(Expand(path), baseDirectory);
        }

        foreach (var key in new[] { "seeds", "suites" })
        {
            if (config[key] is JsonArray entries)
            {
                for (var i = 0; i < entries.Count; i++)
                {
                    if (entries[i] is JsonValue v && v.TryGetValue<string>(out var entry) && entry.Length > 0 && !IsName(entry))
                    {
                        entries[i] = Path.GetFullPath(Expand(entry), baseDirectory);
                    }
                }
            }
        }
    }

    private static string Expand(string path) =>
        path.StartsWith("~/", StringComparison.Ordinal) ? Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), path[2..]) : path;
}
