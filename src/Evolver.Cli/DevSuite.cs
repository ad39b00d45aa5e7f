using Evolver.Suites;

namespace Evolver.Cli;

/// <summary>A development suite the main job imports from the upstream benchmarks beside the repository.</summary>
/// <param name="Name">The folder name under <c>.evolver/suites/</c>.</param>
/// <param name="Upstream">The upstream folder, relative to the upstream benchmarks folder.</param>
/// <param name="Format">The upstream layout.</param>
internal sealed record DevSuite(string Name, string Upstream, SuiteFormat Format)
{
    /// <summary>The three development suites of DESIGN.md.</summary>
    public static IReadOnlyList<DevSuite> All { get; } =
    [
        new("polyglot-python", "polyglot/python", SuiteFormat.Polyglot),
        new("exercism-csharp", "exercism-csharp", SuiteFormat.ExercismCsharp),
        new("quixbugs", "quixbugs", SuiteFormat.Quixbugs),
    ];
}
