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
    /// over it and runs them: one frame to the container's main process, which runs as the agent user.
    /// </summary>
    public async Task<ScoreResult> RunAsync(ContainerSession box, TaskSpec task, string patch, StepTimer timer, CancellationToken cancellationToken)
    {
        using var tar = new TarBuilder();
        tar.AddFile("command", Encoding.UTF8.GetBytes(task.TestCommand));
        if (!string.IsNullOrWhiteSpace(patch))
        {
            tar.AddFile("agent.patch", Encoding.UTF8.GetBytes(patch));
        }

        if (Directory.Exists(task.HiddenDirectory))
        {
            tar.AddFile("hidden.tar", await TarArchive.FromDirectoryAsync(task.HiddenDirectory, cancellationToken).ConfigureAwait(false));
        }

        var nonce = Guid.NewGuid().ToString("N");
        var frame = tar.ToArray();
        var wantReports = task.TestFormat is TestFormat.JunitXml or TestFormat.Trx;
        timer.Lap("host-tar");

        var output = box.Main.CaptureStdout(options.TestOutputLimitBytes);
        await box.Main.SendAsync(
            FormattableString.Invariant($"score {nonce} {frame.Length} {(wantReports ? "results" : "none")}"), frame, cancellationToken).ConfigureAwait(false);
        var (records, timedOut) = await box.Main.WaitAsync(nonce, TimeSpan.FromSeconds(task.Timeouts.TestSeconds), cancellationToken).ConfigureAwait(false);
        if (timedOut)
        {
            // The container is single-use: killing it is the surest way to stop every test process.
            await box.KillContainerAsync().ConfigureAwait(false);
        }

        timer.Lap("test");
        foreach (var step in new[] { "setup", "apply", "hidden" })
        {
            if (records?.Text(step) is { } error)
            {
                return step switch
                {
                    "apply" => PatchFailed("the diff does not apply to the clean repository: " + SandboxText.FirstLine(error)),
                    "hidden" => PatchFailed("the hidden tests cannot be laid over the patched repository: " + SandboxText.FirstLine(error)),
                    _ => throw new SandboxException("could not copy the repository, the diff and the hidden tests into the scoring container: " + SandboxText.FirstLine(error)),
                };

                ScoreResult PatchFailed(string reason) => new()
                {
                    Status = ScoreStatus.PatchFailed, Duration = timer.Elapsed, OutputTail = error, Timings = timer.Steps, Reason = reason,
                };
            }
        }

        var reports = records?["results"] is { } results ? await ReportFilesAsync(results, task.TestFormat, cancellationToken).ConfigureAwait(false) : [];
        timer.Lap("results");
        var exit = int.TryParse(records?.Text("exit")?.Trim(), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var code) ? code : (int?)null;
        var tests = TestReportParser.Parse(task.TestFormat, output.Text(), reports, exit, task.FailToPass.FirstOrDefault());
        return new ScoreResult
        {
            Status = timedOut ? ScoreStatus.TimedOut : ScoreStatus.Ran,
            Tests = tests,
            ExitCode = exit,
            Duration = timer.Elapsed,
            OutputTail = output.Tail(),
            Reason = timedOut ? $"tests ran past {task.Timeouts.TestSeconds} s and were stopped"
                : records is null ? $"the test run ended without reporting its exit code (its shell was killed): {SandboxText.FirstLine(output.Tail(2000))}"
                : tests.Count == 0 ? $"no per-test results could be read (exit {exit}): {SandboxText.FirstLine(output.Tail(2000))}"
                : "",
            Timings = timer.Steps,
        };
    }

    private static async Task<IReadOnlyList<string>> ReportFilesAsync(byte[] tar, TestFormat format, CancellationToken cancellationToken)
    {
        var extension = format == TestFormat.Trx ? ".trx" : ".xml";
        try
        {
            var files = await TarArchive.ReadTextFilesAsync(tar, cancellationToken).ConfigureAwait(false);
            return files.Where(f => f.Name.EndsWith(extension, StringComparison.OrdinalIgnoreCase)).Select(f => f.Text).ToList();
        }
        catch (InvalidDataException)
        {
            // Cut at the cap, or not a tar: the tests' own output is all there is to read.
            return [];
        }
    }
}
