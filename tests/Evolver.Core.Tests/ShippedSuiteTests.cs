using System.Diagnostics;
using System.Runtime.CompilerServices;
using Xunit;

namespace Evolver.Core.Tests;

/// <summary>The project's own suite in benchmarks/suites/evolver loads as a shipped suite.</summary>
public sealed class ShippedSuiteTests
{
    private static readonly Lazy<SuiteLoadResult> Loaded = new(() => SuiteLoader.Load(SuiteDirectory(), requireGoldPatch: true));

    [Fact]
    public void Load_ShippedEvolverSuite_IsValid()
    {
        var result = Loaded.Value;

        Assert.True(result.IsValid, result.Describe());
        Assert.Equal("evolver", result.Suite!.Name);
        Assert.Equal("MIT", result.Suite.License);
    }

    [Fact]
    public void Load_ShippedEvolverSuite_HasTwelveTasksInBothLanguagesWithUniqueIds()
    {
        var tasks = Loaded.Value.Suite!.Tasks;

        Assert.True(tasks.Count >= 12, $"only {tasks.Count} tasks");
        Assert.Contains(tasks, t => t.Language == "python");
        Assert.Contains(tasks, t => t.Language == "csharp");
        Assert.Equal(tasks.Count, tasks.Select(t => t.InstanceId).Distinct(StringComparer.Ordinal).Count());
    }

    [Fact]
    public void Load_ShippedEvolverSuite_EachLanguageUsesItsImageAndReportFormat()
    {
        foreach (var task in Loaded.Value.Suite!.Tasks)
        {
            var (image, format) = task.Language == "python" ? ("evolver-python", TestFormat.Pytest) : ("evolver-dotnet", TestFormat.Trx);
            Assert.True(task.Image == image && task.TestFormat == format, $"{task.InstanceId}: {task.Image}, {task.TestFormat}");
            Assert.Empty(task.FailToPass.Intersect(task.PassToPass));
            Assert.True(Directory.EnumerateFiles(task.HiddenDirectory, "*", SearchOption.AllDirectories).Any(), $"{task.InstanceId} has no hidden test");
            Assert.All(task.VisibleTests, path => Assert.True(File.Exists(Path.Combine(task.RepoDirectory, path)), $"{task.InstanceId}: {path}"));
        }
    }

    [Fact]
    public void GoldPatch_EveryShippedTask_AppliesToPristineRepo()
    {
        foreach (var task in Loaded.Value.Suite!.Tasks)
        {
            using var copy = new TempDirectory();
            CopyTree(task.RepoDirectory, copy.Path);

            var (exit, stderr) = Git(copy.Path, "apply", "--check", task.GoldPatchPath!);

            Assert.True(exit == 0, $"{task.InstanceId}: git apply --check exited {exit}: {stderr}");
        }
    }

    [Fact]
    public void Suite_ShippedEvolverSuite_HoldsNoBuildOutput()
    {
        var leftovers = Directory.EnumerateDirectories(SuiteDirectory(), "*", SearchOption.AllDirectories)
            .Where(d => Path.GetFileName(d) is "bin" or "obj" or "__pycache__" or ".pytest_cache" or "TestResults")
            .ToList();

        Assert.Empty(leftovers);
    }

    // The build output may live outside the source tree (--artifacts-path), so the source file's
    // own location and the working directory are tried after the output folder.
    private static string SuiteDirectory([CallerFilePath] string source = "")
    {
        foreach (var start in new[] { AppContext.BaseDirectory, Path.GetDirectoryName(source), Directory.GetCurrentDirectory() })
        {
            for (var dir = string.IsNullOrEmpty(start) ? null : new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "Evolver.sln")))
                {
                    return Path.Combine(dir.FullName, "benchmarks", "suites", "evolver");
                }
            }
        }

        throw new InvalidOperationException($"no folder holding Evolver.sln above {AppContext.BaseDirectory} or {source}");
    }

    private static void CopyTree(string from, string to)
    {
        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(to, Path.GetRelativePath(from, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }

    private static (int ExitCode, string Stderr) Git(string dir, params string[] args)
    {
        var start = new ProcessStartInfo("git") { WorkingDirectory = dir, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start)!;
        var stderr = process.StandardError.ReadToEndAsync();
        process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        return (process.ExitCode, stderr.Result);
    }
}
