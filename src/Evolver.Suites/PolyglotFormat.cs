using Evolver.Core;

namespace Evolver.Suites;

/// <summary>
/// Aider's Polyglot benchmark, Python part: one Exercism exercise per folder. The stub (<c>files.solution</c>) is the
/// repository, <c>files.test</c> are the hidden tests, and <c>.meta/example.py</c> over the stub is the gold fix.
/// </summary>
internal sealed class PolyglotFormat : IUpstreamFormat
{
    public SuiteFormat Format => SuiteFormat.Polyglot;

    public int ConverterVersion => 1;

    public string SuiteName => "polyglot-python";

    public string Description =>
        "The Python exercises of Aider's Polyglot benchmark (the suite the Darwin Gödel Machine reports on): implement an Exercism exercise " +
        "from its instructions in the given stub; scored by the exercise's unit tests, which the agent does not see.";

    public string License => "MIT (Exercism); see LICENSE";

    public string Source => "Aider's Polyglot benchmark (https://github.com/Aider-AI/polyglot-benchmark), Python part, " +
        "from Exercism's Python track (https://github.com/exercism/python); converted by `evolver import`";

    public string? Locate(string folder)
    {
        foreach (var candidate in new[] { folder, Path.Combine(folder, "python") })
        {
            if (Directory.Exists(candidate) && Directory.EnumerateDirectories(candidate).Any(IsExercise))
            {
                return candidate;
            }
        }

        return null;
    }

    public string? LicenseFile(string root) => UpstreamLicense.Find(root, Path.GetDirectoryName(root));

    public IReadOnlyList<UpstreamExercise> List(string root) => ExerciseFolder.List(root, IsExercise);

    public Conversion Convert(UpstreamExercise exercise, string taskDirectory)
    {
        var opened = ExerciseFolder.Open(
            exercise.Directory,
            files =>
                $"Write your solution in {files}, which holds a stub. The tests import the functions and classes the stub defines, " +
                "so keep their names and signatures. Use only the Python standard library (Python 3.11).",
            out var statement,
            out var problem);
        if (opened is not { } folder)
        {
            return Conversion.Skip(problem);
        }

        foreach (var file in folder.ShippedFiles())
        {
            var target = folder.Test.Contains(file) ? "hidden" : "repo";
            FileTree.Copy(Path.Combine(folder.Directory, file), Path.Combine(taskDirectory, target, file));
        }

        var gold = folder.GoldPatch();
        if (gold.Length == 0)
        {
            return Conversion.Skip("the example solution is identical to the stub");
        }

        return Conversion.Of(new ConvertedTask
        {
            ProblemStatement = statement,
            Language = "python",
            Image = "evolver-python",
            TestCommand = "python3 -m pytest -rA -p no:cacheprovider --timeout=20 " + string.Join(' ', folder.Test.Select(Shell.Quote)),
            TestFormat = TestFormat.Pytest,
            Timeouts = new TaskTimeouts(AgentSeconds: 300, TestSeconds: 120),
            Source = $"Exercism Python track exercise '{folder.Slug}' (https://github.com/exercism/python), from Aider's Polyglot benchmark; " +
                "MIT licence (Exercism), see the suite's LICENSE",
            GoldPatch = gold,
        });
    }

    public IReadOnlyList<string> AddVisibleTests(UpstreamExercise exercise, string taskDirectory, GoldValidation validation) => [];

    private static bool IsExercise(string directory) =>
        File.Exists(Path.Combine(directory, ".meta", "config.json")) && Directory.EnumerateFiles(directory, "*.py").Any();
}
