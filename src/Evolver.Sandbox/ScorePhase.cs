using System.Text;
using Evolver.Core;

namespace Evolver.Sandbox;

/// <summary>The scoring phase inside one prepared container: the agent's diff and the hidden tests over the clean repository, then the test run.</summary>
internal sealed class ScorePhase(SandboxOptions options)
{
    /// <summary>Where a junit-xml or trx test command writes its reports (<c>EVOLVER_RESULTS_DIR</c>).</summary>
    public const string ResultsDir = "/evolver-results";

    /// <summary>
    /// Applies <paramref name="patch"/> to the clean repository already in <paramref name="box"/>, lays the hidden tests
    /// over it and runs them, all in one exec as the agent user.
    /// </summary>
    public async Task<ScoreResult> RunAsync(ContainerSession box, TaskSpec task, string patch, StepTimer timer, CancellationToken cancellationToken)
    {
        using var tar = new TarBuilder();
        if (!string.IsNullOrWhiteSpace(patch))
        {
            tar.AddFile("agent.patch", Encoding.UTF8.GetBytes(patch));
        }

        if (Directory.Exists(task.HiddenDirectory))
        {
            tar.AddFile("hidden.tar", await TarArchive.FromDirectoryAsync(task.HiddenDirectory, cancellationToken).ConfigureAwait(false));
        }

        var nonce = "evolver-step-failed-" + Guid.NewGuid().ToString("N");
        var stdin = tar.ToArray();
        timer.Lap("host-tar");
        var run = await box.ExecAsync(
            new ExecRequest
            {
                Command = ["sh", "-c", ContainerScripts.Score(nonce, task.TestCommand)],
                User = ExecRequest.AgentUser,
                WorkingDir = Agents.Sdk.AgentPaths.Repo,
                Env = ["HOME=/tmp", $"EVOLVER_RESULTS_DIR={ResultsDir}"],
                Stdin = stdin,
                Timeout = TimeSpan.FromSeconds(task.Timeouts.TestSeconds),
                OutputLimit = options.TestOutputLimitBytes,
            },
            cancellationToken).ConfigureAwait(false);
        timer.Lap("test");

        var output = run.Output.Text();
        if (run.ExitCode == ContainerScripts.StepFailedExit && output.StartsWith(nonce + " ", StringComparison.Ordinal))
        {
            var newline = output.IndexOf('\n', StringComparison.Ordinal);
            var step = output[(nonce.Length + 1)..Math.Max(nonce.Length + 1, newline)];
            var error = newline < 0 ? "" : output[(newline + 1)..];
            return step switch
            {
                "apply" => PatchFailed("the diff does not apply to the clean repository: " + SandboxText.FirstLine(error)),
                "hidden" => PatchFailed("the hidden tests cannot be laid over the patched repository: " + SandboxText.FirstLine(error)),
                _ => throw new SandboxException("could not copy the diff and the hidden tests into the scoring container: " + SandboxText.FirstLine(error)),
            };

            ScoreResult PatchFailed(string reason) => new()
            {
                Status = ScoreStatus.PatchFailed, Duration = timer.Elapsed, OutputTail = error, Timings = timer.Steps, Reason = reason,
            };
        }

        var reports = task.TestFormat is TestFormat.JunitXml or TestFormat.Trx && !box.HardKilled
            ? await ReadReportFilesAsync(box, task.TestFormat, cancellationToken).ConfigureAwait(false)
            : [];
        timer.Lap("results");
        var exit = run.ExitCode is { } c ? (int)c : (int?)null;
        var tests = TestReportParser.Parse(task.TestFormat, output, reports, exit, task.FailToPass.FirstOrDefault());
        return new ScoreResult
        {
            Status = run.TimedOut ? ScoreStatus.TimedOut : ScoreStatus.Ran,
            Tests = tests,
            ExitCode = exit,
            Duration = timer.Elapsed,
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
