using System.Text.Json;
using Evolver.Core;

namespace Evolver.Suites;

/// <summary>
/// An Exercism-style exercise folder, as both the Polyglot (Python) and the C# track lay them out:
/// <c>.docs/*.md</c> for the text and <c>.meta/config.json</c> naming the solution, test and example files.
/// </summary>
internal sealed record ExerciseFolder(string Directory, IReadOnlyList<string> Solution, IReadOnlyList<string> Test, IReadOnlyList<string> Example)
{
    /// <summary>The documents that make the problem statement, in reading order (the hints stay out: they are spoilers).</summary>
    private static readonly string[] DocFiles = ["introduction.md", "instructions.md", "instructions.append.md"];

    /// <summary>Top-level folders that never reach the task: texts, metadata, and the track's write-ups of solutions.</summary>
    private static readonly string[] PrivateFolders = [".docs", ".meta", ".approaches", ".articles"];

    public string Slug => Path.GetFileName(Directory);

    /// <summary>The exercise folders directly under <paramref name="root"/> that <paramref name="isExercise"/> accepts, ordered by id.</summary>
    public static IReadOnlyList<UpstreamExercise> List(string root, Func<string, bool> isExercise) =>
        System.IO.Directory.EnumerateDirectories(root).Where(isExercise)
            .Select(d => new UpstreamExercise(Path.GetFileName(d), d, Read(d, out _)?.Inputs() ?? System.IO.Directory.GetFiles(d, "*", SearchOption.AllDirectories)))
            .OrderBy(e => e.Id, StringComparer.Ordinal)
            .ToList();

    /// <summary>Reads <c>.meta/config.json</c>; null with a reason when it is missing or lacks file lists.</summary>
    public static ExerciseFolder? Read(string directory, out string problem)
    {
        problem = "";
        var config = Path.Combine(directory, ".meta", "config.json");
        if (!File.Exists(config))
        {
            problem = ".meta/config.json is missing";
            return null;
        }

        try
        {
            using var doc = JsonDocument.Parse(File.ReadAllBytes(config), new JsonDocumentOptions { AllowTrailingCommas = true });
            if (!doc.RootElement.TryGetProperty("files", out var files) || files.ValueKind != JsonValueKind.Object)
            {
                problem = ".meta/config.json has no \"files\" object";
                return null;
            }

            var exercise = new ExerciseFolder(directory, List(files, "solution"), List(files, "test"), List(files, "example"));
            if (exercise.Solution.Count == 0 || exercise.Test.Count == 0 || exercise.Example.Count == 0)
            {
                problem = ".meta/config.json must list solution, test and example files";
                return null;
            }

            if (exercise.GoldPairs() is null)
            {
                problem = "the example files in .meta/config.json do not pair up with the solution files";
                return null;
            }

            var missing = exercise.Solution.Concat(exercise.Test).Concat(exercise.Example).FirstOrDefault(f => !File.Exists(Path.Combine(directory, f)));
            if (missing is not null)
            {
                problem = $"{missing} is listed in .meta/config.json but does not exist";
                return null;
            }

            return exercise;
        }
        catch (JsonException e)
        {
            problem = ".meta/config.json is not valid JSON: " + e.Message;
            return null;
        }
    }

    /// <summary>
    /// Reads the exercise and its problem statement: introduction, instructions and the track's appendix, then the
    /// closing paragraph <paramref name="closing"/> writes from the solution files' names. Null with a reason when either is missing.
    /// </summary>
    public static ExerciseFolder? Open(string directory, Func<string, string> closing, out string statement, out string problem)
    {
        statement = "";
        if (Read(directory, out problem) is not { } folder)
        {
            return null;
        }

        if (!File.Exists(Path.Combine(directory, ".docs", "instructions.md")))
        {
            problem = ".docs/instructions.md is missing, so there is no problem statement";
            return null;
        }

        var parts = DocFiles.Select(f => Path.Combine(directory, ".docs", f)).Where(File.Exists).Select(f => File.ReadAllText(f).Trim()).ToList();
        parts.Add(closing(string.Join(", ", folder.Solution.Select(s => $"`{s}`"))).Trim());
        statement = string.Join("\n\n", parts) + "\n";
        return folder;
    }

    /// <summary>The upstream files a conversion reads: everything but the track's private folders other than .docs and .meta.</summary>
    public IReadOnlyList<string> Inputs() => ShippedFiles().Select(f => Path.Combine(Directory, f))
        .Concat(DocFiles.Select(f => Path.Combine(Directory, ".docs", f)).Where(File.Exists))
        .Append(Path.Combine(Directory, ".meta", "config.json"))
        .Concat(Example.Select(f => Path.Combine(Directory, f)))
        .Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();

    /// <summary>Relative paths of the files a learner downloads: the stub, the tests, the project file; no private folders.</summary>
    public IEnumerable<string> ShippedFiles() =>
        System.IO.Directory.EnumerateFiles(Directory, "*", new EnumerationOptions { RecurseSubdirectories = true, AttributesToSkip = 0 })
            .Select(f => Path.GetRelativePath(Directory, f).Replace(Path.DirectorySeparatorChar, '/'))
            .Where(f => !PrivateFolders.Contains(f.Split('/')[0]))
            .Order(StringComparer.Ordinal);

    /// <summary>The gold fix: each example file written over its solution file, as a diff against the stub; empty when they are equal.</summary>
    public string GoldPatch() => string.Concat(GoldPairs()!.Select(p => UnifiedDiff.Create(
        p.Solution, FileTree.ReadRaw(Path.Combine(Directory, p.Solution)), FileTree.ReadRaw(Path.Combine(Directory, p.Example)))));

    /// <summary>Pairs each solution file with the example file that replaces it in the gold solution; null when they do not pair up.</summary>
    private IReadOnlyList<(string Solution, string Example)>? GoldPairs()
    {
        if (Solution.Count == 1 && Example.Count == 1)
        {
            return [(Solution[0], Example[0])];
        }

        var byName = Example.ToDictionary(e => Path.GetFileName(e), StringComparer.OrdinalIgnoreCase);
        var pairs = Solution.Select(s => (s, byName.GetValueOrDefault(Path.GetFileName(s)))).ToList();
        return pairs.All(p => p.Item2 is not null) ? pairs.Select(p => (p.s, p.Item2!)).ToList() : null;
    }

    private static List<string> List(JsonElement files, string name) =>
        files.TryGetProperty(name, out var list) && list.ValueKind == JsonValueKind.Array
            ? list.EnumerateArray().Where(e => e.ValueKind == JsonValueKind.String).Select(e => e.GetString()!).ToList()
            : [];
}
