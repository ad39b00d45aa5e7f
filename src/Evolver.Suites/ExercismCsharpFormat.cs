using Evolver.Core;

namespace Evolver.Suites;

/// <summary>
/// Exercism C# practice exercises: the stub and a project file rewritten to restore offline are the repository,
/// <c>&lt;Name&gt;Tests.cs</c> with every <c>Skip</c> removed is hidden, and <c>.meta/Example.cs</c> over the stub is the gold fix.
/// </summary>
internal sealed class ExercismCsharpFormat : IUpstreamFormat
{
    public SuiteFormat Format => SuiteFormat.ExercismCsharp;

    public int ConverterVersion => 1;

    public string SuiteName => "exercism-csharp";

    public string Description =>
        "Exercism C# practice exercises: implement the exercise from its instructions in the given stub (.NET 10); " +
        "scored by the exercise's xunit tests, which the agent does not see.";

    public string License => "MIT (Exercism); see LICENSE";

    public string Source => "Exercism's C# track (https://github.com/exercism/csharp), practice exercises; test projects moved to " +
        "xunit 2.9.3 so that they restore offline; converted by `evolver import`";

    public string? Locate(string folder) =>
        Directory.Exists(folder) && Directory.EnumerateDirectories(folder).Any(IsExercise) ? folder : null;

    public string? LicenseFile(string root) => UpstreamLicense.Find(root, Path.GetDirectoryName(root));

    public IReadOnlyList<UpstreamExercise> List(string root) => ExerciseFolder.List(root, IsExercise);

    public Conversion Convert(UpstreamExercise exercise, string taskDirectory)
    {
        var opened = ExerciseFolder.Open(
            exercise.Directory,
            files =>
                $"Write your solution in {files}, which holds a stub (C#, .NET 10). The tests use the types and members the stub declares, " +
                "so keep their names and signatures. The project restores its packages offline: do not add package references.",
            out var statement,
            out var problem);
        if (opened is not { } folder)
        {
            return Conversion.Skip(problem);
        }

        var shipped = folder.ShippedFiles().ToList();
        var projects = shipped.Where(f => f.EndsWith(".csproj", StringComparison.OrdinalIgnoreCase)).ToList();
        if (projects.Count != 1)
        {
            return Conversion.Skip($"expected one .csproj in the exercise, found {projects.Count}");
        }

        foreach (var file in shipped.Where(f => !Path.GetFileName(f).Equals("packages.lock.json", StringComparison.OrdinalIgnoreCase)))
        {
            var from = Path.Combine(folder.Directory, file);
            if (folder.Test.Contains(file))
            {
                FileTree.WriteText(Path.Combine(taskDirectory, "hidden", file), OfflineTestProject.StripSkips(FileTree.ReadText(from)));
            }
            else if (file == projects[0])
            {
                if (OfflineTestProject.Rewrite(FileTree.ReadText(from), out var csprojProblem) is not { } csproj)
                {
                    return Conversion.Skip($"{file}: {csprojProblem}");
                }

                FileTree.WriteText(Path.Combine(taskDirectory, "repo", file), csproj);
            }
            else
            {
                FileTree.Copy(from, Path.Combine(taskDirectory, "repo", file));
            }
        }

        FileTree.WriteText(Path.Combine(taskDirectory, "repo", OfflineTestProject.NuGetConfigFileName), OfflineTestProject.NuGetConfig);

        var gold = folder.GoldPatch();
        if (gold.Length == 0)
        {
            return Conversion.Skip("the example solution is identical to the stub");
        }

        return Conversion.Of(new ConvertedTask
        {
            ProblemStatement = statement,
            Language = "csharp",
            Image = "evolver-dotnet",
            TestCommand = "dotnet test --logger \"trx;LogFileName=results.trx\" --results-directory \"$EVOLVER_RESULTS_DIR\"",
            TestFormat = TestFormat.Trx,
            Timeouts = new TaskTimeouts(AgentSeconds: 600, TestSeconds: 300),
            Source = $"Exercism C# track exercise '{folder.Slug}' (https://github.com/exercism/csharp); MIT licence (Exercism), see the suite's LICENSE",
            GoldPatch = gold,
        });
    }

    public IReadOnlyList<string> AddVisibleTests(UpstreamExercise exercise, string taskDirectory, GoldValidation validation) => [];

    private static bool IsExercise(string directory) =>
        File.Exists(Path.Combine(directory, ".meta", "Example.cs")) && Directory.EnumerateFiles(directory, "*.csproj").Any();
}
