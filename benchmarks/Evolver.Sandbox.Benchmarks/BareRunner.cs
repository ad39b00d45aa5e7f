using System.Diagnostics;
using Evolver.Core;

namespace Evolver.Sandbox.Benchmarks;

/// <summary>Runs a task's test command on the host, in a temp copy of repo + gold patch + hidden tests: the baseline.</summary>
internal static class BareRunner
{
    public static async Task<(TimeSpan Elapsed, bool Resolved)> RunAsync(TaskSpec task, BareCgroup? cgroup, CancellationToken cancellationToken)
    {
        var work = Path.Combine(Path.GetTempPath(), "evolver-bare-" + Guid.NewGuid().ToString("N")[..8]);
        var results = Path.Combine(work, ".results");
        try
        {
            Copy(task.RepoDirectory, Path.Combine(work, "repo"));
            Directory.CreateDirectory(results);
            var repo = Path.Combine(work, "repo");
            await RunAsync("git", ["apply", "--whitespace=nowarn", task.GoldPatchPath!], repo, results, null, TimeSpan.FromMinutes(1), cancellationToken);
            if (Directory.Exists(task.HiddenDirectory))
            {
                Copy(task.HiddenDirectory, repo);
            }

            // Only the test command is timed, as the sandbox's scoring run times it too, plus its own set-up.
            var watch = Stopwatch.StartNew();
            var (exit, output) = await RunAsync("/bin/sh", ["-c", (cgroup?.Enter ?? "") + task.TestCommand], repo, results, cgroup, TimeSpan.FromSeconds(task.Timeouts.TestSeconds), cancellationToken);
            var elapsed = watch.Elapsed;
            var reports = Directory.GetFiles(results, "*", SearchOption.AllDirectories).Select(File.ReadAllText).ToList();
            var verdict = ScoreVerdict.Judge(task, TestReportParser.Parse(task.TestFormat, output, reports, exit, task.FailToPass.FirstOrDefault()));
            return (elapsed, verdict.Resolved);
        }
        finally
        {
            Directory.Delete(work, recursive: true);
        }
    }

    private static void Copy(string from, string to)
    {
        foreach (var file in Directory.GetFiles(from, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(to, Path.GetRelativePath(from, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target, overwrite: true);
        }
    }

    private static async Task<(int? Exit, string Output)> RunAsync(
        string file, string[] args, string cwd, string results, BareCgroup? cgroup, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var psi = new ProcessStartInfo(file) { WorkingDirectory = cwd, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var a in args)
        {
            psi.ArgumentList.Add(a);
        }

        // Debian's python3 has pytest; a pyenv python earlier on PATH may not.
        psi.Environment["PATH"] = "/usr/bin:" + psi.Environment["PATH"];
        psi.Environment["EVOLVER_RESULTS_DIR"] = results;
        psi.Environment["PYTHONDONTWRITEBYTECODE"] = "1";
        if (cgroup is not null)
        {
            // As cold as a fresh container, and inside the group: no MSBuild node or compiler server kept warm by
            // earlier builds on the host (such servers also run outside the group).
            psi.Environment["MSBUILDDISABLENODEREUSE"] = "1";
            psi.Environment["DOTNET_CLI_USE_MSBUILD_SERVER"] = "0";
            psi.Environment["UseSharedCompilation"] = "false";
        }

        using var process = Process.Start(psi)!;
        var stdout = process.StandardOutput.ReadToEndAsync(cancellationToken);
        var stderr = process.StandardError.ReadToEndAsync(cancellationToken);
        using var cts = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        cts.CancelAfter(timeout);
        try
        {
            await process.WaitForExitAsync(cts.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            return (null, await stdout + await stderr);
        }

        return (process.ExitCode, await stdout + await stderr);
    }
}
