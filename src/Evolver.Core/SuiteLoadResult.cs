namespace Evolver.Core;

/// <summary>The outcome of loading a suite: the suite when it is valid, and every problem found.</summary>
public sealed record SuiteLoadResult(SuiteSpec? Suite, IReadOnlyList<TaskProblem> Problems)
{
    /// <summary>True when the suite loaded with no problem.</summary>
    public bool IsValid => Suite is not null && Problems.Count == 0;

    /// <summary>The problems, one per line, for an error message.</summary>
    public string Describe() => string.Join(Environment.NewLine, Problems.Select(p => "  " + p));
}
