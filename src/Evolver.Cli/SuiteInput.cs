using Evolver.Core;

namespace Evolver.Cli;

/// <summary>Loads the suites and tasks named on the command line, reporting every problem on standard error.</summary>
internal static class SuiteInput
{
    /// <summary>Loads the suite in <paramref name="path"/>; on problems writes each, with its file and field, and returns null.</summary>
    /// <param name="env">The command's environment.</param>
    /// <param name="path">The suite folder, relative to the working directory.</param>
    /// <param name="requireGoldPatch">True when the gold agent will run, so every task needs a gold.patch.</param>
    /// <param name="source">What named the suite, for the message: an option such as <c>--suite</c>, or a description.</param>
    public static SuiteSpec? Load(CliEnvironment env, string path, bool requireGoldPatch, string source = "--suite")
    {
        var dir = env.Resolve(path);
        var result = SuiteLoader.Load(dir, requireGoldPatch);
        if (result.IsValid)
        {
            return result.Suite;
        }

        env.Error.WriteLine($"error: {source}: the suite in {dir} is invalid ({result.Problems.Count} problem{(result.Problems.Count == 1 ? "" : "s")}):");
        env.Error.WriteLine(result.Describe());
        return null;
    }

    /// <summary>
    /// The tasks of <paramref name="suite"/> named in <paramref name="ids"/> (comma-separated), or all of them when
    /// <paramref name="ids"/> is null; null after writing an error when an id is not in the suite.
    /// </summary>
    public static IReadOnlyList<TaskSpec>? SelectTasks(CliEnvironment env, SuiteSpec suite, string? ids)
    {
        if (ids is null)
        {
            return suite.Tasks;
        }

        var wanted = ids.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Distinct(StringComparer.Ordinal).ToList();
        var unknown = wanted.Where(id => suite.Tasks.All(t => t.InstanceId != id)).ToList();
        if (wanted.Count == 0 || unknown.Count > 0)
        {
            env.Error.WriteLine(wanted.Count == 0
                ? "error: --tasks: give at least one task id, separated by commas"
                : $"error: --tasks: not in suite {suite.Name}: {string.Join(", ", unknown)}");
            return null;
        }

        return suite.Tasks.Where(t => wanted.Contains(t.InstanceId)).ToList();
    }

    /// <summary>The image families <paramref name="tasks"/> run in.</summary>
    public static IReadOnlyCollection<string> ImageFamilies(IEnumerable<TaskSpec> tasks) =>
        tasks.Select(t => t.Image).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
}
