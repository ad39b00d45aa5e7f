using System.Text;
using Evolver.Agents.Sdk;
using Evolver.Core;

namespace Evolver.Sandbox;

/// <summary>The scoring phase inside one container: clean repository, the agent's diff, the hidden tests, the test run.</summary>
internal sealed class ScorePhase(SandboxOptions options, TimeProvider time)
{
    /// <summary>Where a junit-xml or trx test command writes its reports (<c>EVOLVER_RESULTS_DIR</c>).</summary>
    public const string ResultsDir = "/evolver-results";

    /// <summary>Applies <paramref name="patch"/> to the clean repository in <paramref name="box"/>, lays the hidden tests over it and runs them.</summary>
    public async Task<ScoreResult> RunAsync(
        ContainerSession box, TaskSpec task, string patch, byte[] repoTar, long start, StepTimer timer, CancellationToken cancellationToken)
    {
        await box.CopyInAsync(repoTar, AgentPaths.Repo, ExecRequest.AgentUser, cancellationToken).ConfigureAwait(false);
        timer.Lap("copy-repo");

        if (!string.IsNullOrWhiteSpace(patch))
        {
            await box.CopyInAsync(TarArchive.FromFiles([("agent.patch", Encoding.UTF8.GetBytes(patch))]), "/evolver", ExecRequest.RootUser, cancellationToken).ConfigureAwait(false);
            var apply = await box.ExecAsync(
                new ExecRequest
                {
                    Command = ["git", "apply", "--whitespace=nowarn", "/evolver/agent.patch"],
                    User = ExecRequest.AgentUser,
                    WorkingDir = AgentPaths.Repo,
                    Timeout = TimeSpan.FromSeconds(60),
                    OutputLimit = 64 * 1024,
                },
                cancellationToken).ConfigureAwait(false);
            timer.Lap("apply");
            if (apply.ExitCode != 0)
            {
                return new ScoreResult
                {
                    Status = ScoreStatus.PatchFailed, Duration = time.GetElapsedTime(start), OutputTail = apply.Output.Tail(),
                    Reason = "the diff does not apply to the clean repository: " + SandboxText.FirstLine(apply.Output.Text()),
                };
            }
        }

        if (Directory.Exists(task.HiddenDirectory))
        {
            var hidden = await TarArchive.FromDirectoryAsync(task.HiddenDirectory, cancellationToken).ConfigureAwait(false);
            await box.CopyInAsync(hidden, AgentPaths.Repo, ExecRequest.AgentUser, cancellationToken).ConfigureAwait(false);
            timer.Lap("copy-hidden");
        }

        var run = await box.ExecAsync(
            new ExecRequest
            {
                Command = ["sh", "-c", task.TestCommand],
                User = ExecRequest.AgentUser,
                WorkingDir = AgentPaths.Repo,
                Env = ["HOME=/tmp", $"EVOLVER_RESULTS_DIR={ResultsDir}"],
                Timeout = TimeSpan.FromSeconds(task.Timeouts.TestSeconds),
                OutputLimit = options.TestOutputLimitBytes,
            },
            cancellationToken).ConfigureAwait(false);

        timer.Lap("test");
        var reports = task.TestFormat is TestFormat.JunitXml or TestFormat.Trx && !box.HardKilled
            ? await ReadReportFilesAsync(box, task.TestFormat, cancellationToken).ConfigureAwait(false)
            : [];
        timer.Lap("results");
        var exit = run.ExitCode is { } c ? (int)c : (int?)null;
        var tests = TestReportParser.Parse(task.TestFormat, run.Output.Text(), reports, exit, task.FailToPass.FirstOrDefault());
        return new ScoreResult
        {
            Status = run.TimedOut ? ScoreStatus.TimedOut : ScoreStatus.Ran,
            Tests = tests,
            ExitCode = exit,
            Duration = time.GetElapsedTime(start),
            OutputTail = run.Output.Tail(),
            Reason = run.TimedOut ? $"tests ran past {task.Timeouts.TestSeconds} s and were stopped"
                : tests.Count == 0 ? $"no per-test results could be read (exit {exit}): {SandboxText.FirstLine(run.Output.Tail(2000))}"
                : "",
            Timings = timer.Steps,
        };
    }

    private static async Task<IReadOnlyList<string>> ReadReportFilesAsync(ContainerSession box, TestFormat format, CancellationToken cancellationToken)
    {
        var tar = await box.ExecAsync(
            new ExecRequest { Command = ["tar", "-c", "-f", "-", "-C", ResultsDir, "."], OutputLimit = 64L << 20, Timeout = TimeSpan.FromSeconds(60) },
            cancellationToken).ConfigureAwait(false);
        if (tar.ExitCode != 0)
        {
            return [];
        }

        var extension = format == TestFormat.Trx ? ".trx" : ".xml";
        var files = await TarArchive.ReadTextFilesAsync(tar.Output.Bytes(), cancellationToken).ConfigureAwait(false);
        return files.Where(f => f.Name.EndsWith(extension, StringComparison.OrdinalIgnoreCase)).Select(f => f.Text).ToList();
    }
}
