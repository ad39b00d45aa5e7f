namespace Evolver.Suites;

/// <summary>What <see cref="SuiteImporter"/> converts and where it writes the suite.</summary>
public sealed class ImportOptions
{
    /// <summary>The upstream folder, for example <c>benchmarks/quixbugs</c>. Required.</summary>
    public string From { get; set; } = "";

    /// <summary>The suite folder to write; an existing suite there is replaced as a whole at the end. Required.</summary>
    public string Out { get; set; } = "";

    /// <summary>The upstream layout; null detects it from the folder. Default null.</summary>
    public SuiteFormat? Format { get; set; }

    /// <summary>How many tasks are converted and validated at once (each runs two scoring containers). Default 2.</summary>
    public int Parallelism { get; set; } = 2;

    /// <summary>
    /// Comma-separated instance ids or patterns with <c>*</c> and <c>?</c> (for example <c>gcd,kth*</c>); only matching
    /// tasks are imported. Null imports every task. Default null.
    /// </summary>
    public string? TaskFilter { get; set; }

    /// <summary>Checks the options once, before any work.</summary>
    /// <returns>Problems found, each naming the option; empty when valid.</returns>
    public IReadOnlyList<string> Validate()
    {
        var problems = new List<string>();
        if (string.IsNullOrWhiteSpace(From))
        {
            problems.Add("From is required: the upstream benchmark folder");
        }
        else if (!Directory.Exists(From))
        {
            problems.Add($"From: folder '{Path.GetFullPath(From)}' does not exist");
        }

        if (string.IsNullOrWhiteSpace(Out))
        {
            problems.Add("Out is required: the suite folder to write");
        }
        else if (!string.IsNullOrWhiteSpace(From))
        {
            string from = Full(From), @out = Full(Out);
            if (IsSameOrInside(@out, from) || IsSameOrInside(from, @out))
            {
                problems.Add($"Out '{@out}' and From '{from}' must not contain each other");
            }

            if (File.Exists(@out))
            {
                problems.Add($"Out '{@out}' is a file; name a folder");
            }
        }

        if (Parallelism is < 1 or > 64)
        {
            problems.Add($"Parallelism must be from 1 to 64, got {Parallelism}");
        }

        if (TaskFilter is not null && !TaskIdFilter.TryParse(TaskFilter, out _, out var filterProblem))
        {
            problems.Add("TaskFilter: " + filterProblem);
        }

        return problems;
    }

    private static string Full(string path) => Path.TrimEndingDirectorySeparator(Path.GetFullPath(path));

    private static bool IsSameOrInside(string path, string folder) =>
        path == folder || path.StartsWith(folder + Path.DirectorySeparatorChar, StringComparison.Ordinal);
}
