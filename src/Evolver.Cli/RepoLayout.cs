namespace Evolver.Cli;

/// <summary>Where the main job finds the repository's suites and the development suites beside it.</summary>
/// <param name="Root">The repository root: the folder holding Evolver.sln.</param>
internal sealed record RepoLayout(string Root)
{
    /// <summary>The marker file of the repository root.</summary>
    public const string Marker = "Evolver.sln";

    /// <summary>The shipped suites: every folder under <c>benchmarks/suites/</c> holding a suite.json.</summary>
    public IReadOnlyList<string> ShippedSuites
    {
        get
        {
            var dir = Path.Combine(Root, "benchmarks", "suites");
            return Directory.Exists(dir)
                ? Directory.GetDirectories(dir).Where(d => File.Exists(Path.Combine(d, "suite.json"))).Order(StringComparer.Ordinal).ToList()
                : [];
        }
    }

    /// <summary>The upstream benchmarks in their own layouts, next to the repository (<c>../shared/benchmarks</c>).</summary>
    public string UpstreamBenchmarks => Path.GetFullPath(Path.Combine(Root, "..", "shared", "benchmarks"));

    /// <summary>Where imported development suites are kept between runs.</summary>
    public string ImportedSuites => Path.Combine(Root, ".evolver", "suites");

    /// <summary>Walks up from <paramref name="start"/> to the first folder holding <see cref="Marker"/>; null when there is none.</summary>
    public static RepoLayout? Find(string start)
    {
        for (var dir = new DirectoryInfo(Path.GetFullPath(start)); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, Marker)))
            {
                return new RepoLayout(dir.FullName);
            }
        }

        return null;
    }
}
