namespace Evolver.Suites;

/// <summary>Names of <see cref="SuiteFormat"/> values as the command line writes them.</summary>
public static class SuiteFormats
{
    /// <summary>Every format, in the order detection tries them.</summary>
    public static IReadOnlyList<SuiteFormat> All { get; } = [SuiteFormat.Polyglot, SuiteFormat.ExercismCsharp, SuiteFormat.Quixbugs];

    /// <summary>Parses <c>polyglot</c>, <c>exercism-csharp</c> or <c>quixbugs</c> (case-insensitive).</summary>
    public static bool TryParse(string text, out SuiteFormat format)
    {
        foreach (var candidate in All)
        {
            if (string.Equals(Name(candidate), text.Trim(), StringComparison.OrdinalIgnoreCase))
            {
                format = candidate;
                return true;
            }
        }

        format = default;
        return false;
    }

    /// <summary>The command-line name of <paramref name="format"/>.</summary>
    public static string Name(SuiteFormat format) => format switch
    {
        SuiteFormat.Polyglot => "polyglot",
        SuiteFormat.ExercismCsharp => "exercism-csharp",
        SuiteFormat.Quixbugs => "quixbugs",
        _ => throw new ArgumentOutOfRangeException(nameof(format), format, null),
    };
}
