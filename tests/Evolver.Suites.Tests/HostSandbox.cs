using System.Diagnostics;
using System.Text;
using Evolver.Core;

namespace Evolver.Suites.Tests;

/// <summary>
/// A test double for the importer only: scores a task by really running its test command on this host, in a temporary
/// copy of repo/ with the patch applied by <c>git apply</c> and hidden/ laid over it, as the Docker sandbox does in a
/// container. It has none of the sandbox's isolation, so it runs only the upstream benchmarks' own tests.
/// </summary>
internal sealed class HostSandbox : ISandbox
{
    private int scoreRuns;

    /// <summary>How many scoring runs were made.</summary>
    public int ScoreRuns => scoreRuns;

    public Task<SolveResult> SolveAsync(TaskSpec task, AgentArtifact agent, CancellationToken cancellationToken) =>
        throw new NotSupportedException("the host sandbox only scores");

    public async Task<ScoreResult> ScoreAsync(TaskSpec task, string patch, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref scoreRuns);
        var watch = Stopwatch.StartNew();
        var work = Directory.CreateTempSubdirectory("evolver-hostbox-").FullName;
        try
        {
            var repo = Path.Combine(work, "repo");
            var results = Directory.CreateDirectory(Path.Combine(work, "results")).FullName;
            CopyTree(task.RepoDirectory, repo);
            if (!string.IsNullOrWhiteSpace(patch))
            {
                await File.WriteAllTextAsync(Path.Combine(work, "agent.patch"), patch, cancellationToken);
                var apply = await RunAsync(repo, "git apply --whitespace=nowarn ../agent.patch", results, TimeSpan.FromSeconds(60), cancellationToken);
                if (apply.ExitCode != 0)
                {
                    return new ScoreResult { Status = ScoreStatus.PatchFailed, OutputTail = apply.Output, Reason = "the diff does not apply: " + apply.Output.Trim() };
                }
            }

            CopyTree(task.HiddenDirectory, repo);
            var run = await RunAsync(repo, task.TestCommand, results, TimeSpan.FromSeconds(task.Timeouts.TestSeconds), cancellationToken);
            var reports = Directory.GetFiles(results, "*", SearchOption.AllDirectories).Select(File.ReadAllText).ToList();
            var tests = TestReportParser.Parse(task.TestFormat, run.Output, reports, run.ExitCode, task.FailToPass.FirstOrDefault());
            return new ScoreResult
            {
                Status = run.ExitCode is null ? ScoreStatus.TimedOut : ScoreStatus.Ran,
                Tests = tests,
                ExitCode = run.ExitCode,
                Duration = watch.Elapsed,
                OutputTail = run.Output.Length > 8000 ? run.Output[^8000..] : run.Output,
                Reason = run.ExitCode is null ? "tests timed out" : "",
            };
        }
        finally
        {
            Directory.Delete(work, recursive: true);
        }
    }

    private static async Task<(int? ExitCode, string Output)> RunAsync(string dir, string command, string results, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo("sh") { WorkingDirectory = dir, RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add("-c");
        start.ArgumentList.Add(command);
        start.Environment["EVOLVER_RESULTS_DIR"] = results;

        // Debian's python3 (with pytest and pytest-timeout) first, as in the image; no lingering MSBuild servers.
        start.Environment["PATH"] = "/usr/bin:/bin:" + Environment.GetEnvironmentVariable("PATH");
        foreach (var name in new[] { "DOTNET_CLI_TELEMETRY_OPTOUT", "DOTNET_NOLOGO", "MSBUILDDISABLENODEREUSE", "DOTNET_SKIP_FIRST_TIME_EXPERIENCE" })
        {
            start.Environment[name] = "1";
        }

        start.Environment["DOTNET_CLI_USE_MSBUILD_SERVER"] = "0";
        using var process = Process.Start(start)!;
        var output = new StringBuilder();
        var stdout = CopyAsync(process.StandardOutput, output);
        var stderr = CopyAsync(process.StandardError, output);
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        limit.CancelAfter(timeout);
        try
        {
            await process.WaitForExitAsync(limit.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync(CancellationToken.None);
            cancellationToken.ThrowIfCancellationRequested();
            await Task.WhenAll(stdout, stderr);
            return (null, output.ToString());
        }

        await Task.WhenAll(stdout, stderr);
        return (process.ExitCode, output.ToString());
    }

    private static async Task CopyAsync(StreamReader reader, StringBuilder into)
    {
        while (await reader.ReadLineAsync() is { } line)
        {
            lock (into)
            {
                into.Append(line).Append('\n');
            }
        }
    }

    private static void CopyTree(string from, string to)
    {
        if (!Directory.Exists(from))
        {
            return;
        }

        foreach (var file in Directory.GetFiles(from, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(to, Path.GetRelativePath(from, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target, overwrite: true);
        }
    }
}
