using System.Reflection;

namespace Evolver.Suites.Tests;

/// <summary>The upstream benchmarks in ../shared/benchmarks next to the repository, and temp copies of parts of them.</summary>
internal static class Upstream
{
    /// <summary>The repository root: stamped into the assembly at build time, else found by walking up to Evolver.sln.</summary>
    public static string RepoRoot { get; } = FindRepoRoot();

    public static string Benchmarks { get; } = Path.GetFullPath(Path.Combine(RepoRoot, "..", "shared", "benchmarks"));

    public static string Polyglot => Path.Combine(Benchmarks, "polyglot");

    public static string ExercismCsharp => Path.Combine(Benchmarks, "exercism-csharp");

    public static string Quixbugs => Path.Combine(Benchmarks, "quixbugs");

    /// <summary>Copies the named exercise folders (and the licence files) of an Exercism-style upstream folder into <paramref name="to"/>.</summary>
    public static string CopyExercises(string from, string to, params string[] exercises)
    {
        foreach (var file in Directory.GetFiles(from))
        {
            Copy(file, Path.Combine(to, Path.GetFileName(file)));
        }

        foreach (var exercise in exercises)
        {
            foreach (var file in Directory.GetFiles(Path.Combine(from, exercise), "*", SearchOption.AllDirectories))
            {
                Copy(file, Path.Combine(to, exercise, Path.GetRelativePath(Path.Combine(from, exercise), file)));
            }
        }

        return to;
    }

    /// <summary>Copies a whole folder; the copies are writable, unlike the read-only upstream files.</summary>
    public static string CopyTree(string from, string to)
    {
        foreach (var file in Directory.GetFiles(from, "*", SearchOption.AllDirectories))
        {
            Copy(file, Path.Combine(to, Path.GetRelativePath(from, file)));
        }

        return to;
    }

    private static void Copy(string from, string to)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(to)!);
        File.WriteAllBytes(to, File.ReadAllBytes(from));
    }

    private static string FindRepoRoot()
    {
        var stamped = typeof(Upstream).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().FirstOrDefault(a => a.Key == "EvolverRepoRoot")?.Value;
        if (stamped is not null && File.Exists(Path.Combine(stamped, "Evolver.sln")))
        {
            return Path.GetFullPath(stamped);
        }

        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Evolver.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("Evolver.sln not found above " + AppContext.BaseDirectory);
    }
}
