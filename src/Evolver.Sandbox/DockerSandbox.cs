using System.Text;
using Docker.DotNet;
using Evolver.Agents.Sdk;
using Evolver.Core;
using Serilog;

namespace Evolver.Sandbox;

/// <summary>
/// The Docker sandbox: each task's agent runs in a fresh, locked-down container holding the repository but never the
/// hidden tests; its diff is then scored in a second fresh container with the clean repository and the hidden tests.
/// </summary>
public sealed class DockerSandbox : ISandbox, IAsyncDisposable
{
    private const string ResultsDir = "/evolver-results";
    private readonly IDockerClient docker;
    private readonly SandboxOptions options;
    private readonly ILogger log;
    private readonly TimeProvider time;
    private readonly Func<string, CancellationToken, Task<string>> resolveImage;
    private readonly bool ownsClient;
    private readonly ContainerPool pool;

    internal DockerSandbox(
        IDockerClient docker, SandboxOptions options, ILogger log, TimeProvider time, Func<string, CancellationToken, Task<string>> resolveImage, bool ownsClient)
    {
        this.docker = docker;
        this.options = options;
        this.log = log.ForContext<DockerSandbox>();
        this.time = time;
        this.resolveImage = resolveImage;
        this.ownsClient = ownsClient;
        pool = new ContainerPool(docker, options, this.log);
    }

    /// <summary>
    /// Connects to the local engine, removes containers a crashed run left behind, and returns a sandbox that builds
    /// the images it needs on first use.
    /// </summary>
    /// <param name="options">Limits; validated here.</param>
    /// <param name="logger">Receives the sandbox's events.</param>
    /// <param name="time">Clock for durations and agent deadlines.</param>
    /// <param name="progress">Receives image build output; may be null.</param>
    /// <param name="cancellationToken">Cancels the start.</param>
    /// <exception cref="ArgumentException">The options are invalid.</exception>
    /// <exception cref="SandboxException">No Docker engine answers; the message says how to set one up.</exception>
    public static async Task<DockerSandbox> CreateAsync(
        SandboxOptions options, ILogger logger, TimeProvider time, IProgress<string>? progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        var problems = options.Validate();
        if (problems.Count > 0)
        {
            throw new ArgumentException("invalid sandbox options: " + string.Join("; ", problems), nameof(options));
        }

        var docker = DockerEndpoint.CreateClient();
        try
        {
            if (await DockerEndpoint.ProbeAsync(docker, cancellationToken).ConfigureAwait(false) is { } problem)
            {
                throw new SandboxException(problem);
            }

            var reaped = await ContainerReaper.ReapAsync(docker, options.LabelPrefix, logger, cancellationToken).ConfigureAwait(false);
            if (reaped > 0)
            {
                logger.Warning("Removed {Count} sandbox containers left by crashed runs", reaped);
            }
        }
        catch
        {
            docker.Dispose();
            throw;
        }

        var images = new System.Collections.Concurrent.ConcurrentDictionary<string, Lazy<Task<string>>>(StringComparer.Ordinal);
        return new DockerSandbox(docker, options, logger, time, (family, ct) => images.GetOrAdd(
            family, f => new Lazy<Task<string>>(() => EnsureImageAsync(docker, f, options.Images, progress, ct))).Value, ownsClient: true);
    }

    /// <summary>Builds, or finds, the images for <paramref name="families"/> before tasks start, so task timings exclude builds.</summary>
    /// <exception cref="SandboxException">An image could not be built, or a family is unknown.</exception>
    public async Task PrepareAsync(IEnumerable<string> families, CancellationToken cancellationToken)
    {
        foreach (var family in families.Distinct(StringComparer.Ordinal))
        {
            pool.Warm(await resolveImage(family, cancellationToken).ConfigureAwait(false));
        }
    }

    private static async Task<string> EnsureImageAsync(
        IDockerClient docker, string family, ImageBuildOptions? images, IProgress<string>? progress, CancellationToken cancellationToken)
    {
        try
        {
            return await SandboxImages.EnsureAsync(docker, family, images, progress, cancellationToken).ConfigureAwait(false);
        }
        catch (ArgumentException e)
        {
            throw new SandboxException($"image '{family}' cannot be prepared: {e.Message}", e);
        }
    }

    /// <inheritdoc />
    public async Task<SolveResult> SolveAsync(TaskSpec task, AgentArtifact agent, CancellationToken cancellationToken)
    {
        var start = time.GetTimestamp();
        try
        {
            var image = await resolveImage(task.Image, cancellationToken).ConfigureAwait(false);
            var repoTar = await TarArchive.FromDirectoryAsync(task.RepoDirectory, cancellationToken).ConfigureAwait(false);
            var box = await pool.TakeAsync(image, cancellationToken).ConfigureAwait(false);
            try
            {
                return await SolveInAsync(box, task, agent, repoTar, start, cancellationToken).ConfigureAwait(false);
            }
            finally
            {
                pool.Release(box);
            }
        }
        catch (Exception e) when (e is SandboxException or DockerApiException or HttpRequestException or IOException or TimeoutException)
        {
            log.Error(e, "Sandbox failed while solving {Task}", task.InstanceId);
            return HarnessError($"sandbox failure: {e.Message}", start);
        }
    }

    private async Task<SolveResult> SolveInAsync(
        ContainerSession box, TaskSpec task, AgentArtifact agent, byte[] repoTar, long start, CancellationToken cancellationToken)
    {
        await box.CopyInAsync(repoTar, AgentPaths.Repo, ExecRequest.AgentUser, cancellationToken).ConfigureAwait(false);
        if (agent.Kind == AgentKind.Program)
        {
            if (agent.BuildDirectory is null || !Directory.Exists(agent.BuildDirectory))
            {
                return HarnessError($"agent {agent.Name} has no build folder ({agent.BuildDirectory})", start);
            }

            var build = await TarArchive.FromDirectoryAsync(agent.BuildDirectory, cancellationToken).ConfigureAwait(false);
            await box.CopyInAsync(build, "/opt/agent", ExecRequest.RootUser, cancellationToken).ConfigureAwait(false);
        }

        await RunStepAsync(box, ContainerScripts.SnapshotBase, ExecRequest.RootUser, "snapshot the base repository", cancellationToken).ConfigureAwait(false);
        await RunStepAsync(box, ContainerScripts.InitAgentRepo, ExecRequest.AgentUser, "initialise the agent's git repository", cancellationToken).ConfigureAwait(false);

        var seconds = Math.Min(task.Timeouts.AgentSeconds, options.MaxAgentSeconds ?? int.MaxValue);
        var files = new List<(string, byte[])> { ("input.json", Encoding.UTF8.GetBytes(Context(task, seconds).ToJson())) };
        if (agent.Kind == AgentKind.Gold)
        {
            if (task.GoldPatchPath is null)
            {
                return HarnessError($"task {task.InstanceId} has no gold.patch, so the gold agent cannot run on it", start);
            }

            files.Add(("gold.patch", await File.ReadAllBytesAsync(task.GoldPatchPath, cancellationToken).ConfigureAwait(false)));
        }

        await box.CopyInAsync(TarArchive.FromFiles(files), "/evolver", ExecRequest.RootUser, cancellationToken).ConfigureAwait(false);

        var run = await box.ExecAsync(
            new ExecRequest
            {
                Command = AgentCommand(agent),
                User = ExecRequest.AgentUser,
                WorkingDir = AgentPaths.Repo,
                Env = ["HOME=/tmp"],
                Timeout = TimeSpan.FromSeconds(seconds),
                OutputLimit = options.AgentOutputLimitBytes,
                StopOnOutputLimit = true,
            },
            cancellationToken).ConfigureAwait(false);

        var (status, reason) = Classify(run, seconds, options.AgentOutputLimitBytes);
        if (box.HardKilled)
        {
            // The container and its in-memory repository are gone: there is no diff to take.
            return new SolveResult
            {
                Status = status, Patch = "", Duration = time.GetElapsedTime(start), OutputBytes = run.TotalBytes,
                OutputTail = run.Output.Tail(), Reason = reason + "; the container had to be killed, so no diff was kept",
            };
        }

        var (patch, diffProblem) = await TakeDiffAsync(box, cancellationToken).ConfigureAwait(false);
        var report = await ReadReportAsync(box, cancellationToken).ConfigureAwait(false);
        return new SolveResult
        {
            Status = status,
            ExitCode = run.ExitCode is { } code ? (int)code : null,
            Patch = patch,
            Duration = time.GetElapsedTime(start),
            OutputBytes = run.TotalBytes,
            OutputTail = run.Output.Tail(),
            Report = report,
            Reason = diffProblem is null ? reason : Join(reason, diffProblem),
        };
    }

    /// <inheritdoc />
    public async Task<ScoreResult> ScoreAsync(TaskSpec task, string patch, CancellationToken cancellationToken)
    {
        var start = time.GetTimestamp();
        try
        {
            var image = await resolveImage(task.Image, cancellationToken).ConfigureAwait(false);
            var repoTar = await TarArchive.FromDirectoryAsync(task.RepoDirectory, cancellationToken).ConfigureAwait(false);
            var box = await pool.TakeAsync(image, cancellationToken).ConfigureAwait(false);
            try
            {
                return await ScoreInAsync(box, task, patch, repoTar, start, cancellationToken).ConfigureAwait(false);
            }
            finally
            {
                pool.Release(box);
            }
        }
        catch (Exception e) when (e is SandboxException or DockerApiException or HttpRequestException or IOException or TimeoutException)
        {
            log.Error(e, "Sandbox failed while scoring {Task}", task.InstanceId);
            return new ScoreResult { Status = ScoreStatus.HarnessError, Duration = time.GetElapsedTime(start), Reason = $"sandbox failure: {e.Message}" };
        }
    }

    private async Task<ScoreResult> ScoreInAsync(
        ContainerSession box, TaskSpec task, string patch, byte[] repoTar, long start, CancellationToken cancellationToken)
    {
        await box.CopyInAsync(repoTar, AgentPaths.Repo, ExecRequest.AgentUser, cancellationToken).ConfigureAwait(false);

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
            if (apply.ExitCode != 0)
            {
                return new ScoreResult
                {
                    Status = ScoreStatus.PatchFailed, Duration = time.GetElapsedTime(start), OutputTail = apply.Output.Tail(),
                    Reason = "the diff does not apply to the clean repository: " + FirstLine(apply.Output.Text()),
                };
            }
        }

        if (Directory.Exists(task.HiddenDirectory))
        {
            var hidden = await TarArchive.FromDirectoryAsync(task.HiddenDirectory, cancellationToken).ConfigureAwait(false);
            await box.CopyInAsync(hidden, AgentPaths.Repo, ExecRequest.AgentUser, cancellationToken).ConfigureAwait(false);
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

        var reports = task.TestFormat is TestFormat.JunitXml or TestFormat.Trx && !box.HardKilled
            ? await ReadReportFilesAsync(box, task.TestFormat, cancellationToken).ConfigureAwait(false)
            : [];
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
                : tests.Count == 0 ? $"no per-test results could be read (exit {exit}): {FirstLine(run.Output.Tail(2000))}"
                : "",
        };
    }

    /// <summary>Removes every container the sandbox still holds, then releases the Docker client if the sandbox created it.</summary>
    public async ValueTask DisposeAsync()
    {
        await pool.DisposeAsync().ConfigureAwait(false);
        if (ownsClient)
        {
            docker.Dispose();
        }
    }

    private AgentContext Context(TaskSpec task, int seconds) => new()
    {
        InstanceId = task.InstanceId,
        ProblemStatement = task.ProblemStatement,
        Language = task.Language,
        VisibleTests = task.VisibleTests,
        VisibleTestCommand = VisibleTestCommand(task),
        Budget = new AgentBudget(seconds, time.GetUtcNow().AddSeconds(seconds), options.AgentOutputLimitBytes),
    };

    private static string? VisibleTestCommand(TaskSpec task) => task.VisibleTests.Count == 0 ? null : task.TestFormat switch
    {
        TestFormat.Pytest => "python3 -m pytest -rA -p no:cacheprovider --timeout=30 " + string.Join(' ', task.VisibleTests.Select(ShellQuote)),
        TestFormat.Trx or TestFormat.JunitXml when task.Language == "csharp" => "dotnet test",
        _ => null,
    };

    private static string ShellQuote(string s) => "'" + s.Replace("'", "'\\''") + "'";

    private static IReadOnlyList<string> AgentCommand(AgentArtifact agent) => agent.Kind switch
    {
        AgentKind.Gold => ["git", "apply", "--whitespace=nowarn", "/evolver/gold.patch"],
        AgentKind.Empty => ["true"],
        _ => ["dotnet", "/opt/agent/" + (agent.EntryAssembly ?? "agent.dll")],
    };

    private static (AgentStatus Status, string Reason) Classify(ExecResult run, int seconds, long outputLimit) => run switch
    {
        { TimedOut: true } => (AgentStatus.TimedOut, $"agent ran past its {seconds} s limit and was stopped"),
        { OutputLimitHit: true } => (AgentStatus.OutputLimit, $"agent printed more than {outputLimit} bytes and was stopped"),
        { ExitCode: 0 } => (AgentStatus.Completed, ""),
        { ExitCode: 137 } => (AgentStatus.Killed, "agent was killed by SIGKILL (memory or process cap)"),
        { ExitCode: { } code } => (AgentStatus.Failed, $"agent exited with code {code}"),
        _ => (AgentStatus.Killed, "agent's container died"),
    };

    private async Task RunStepAsync(ContainerSession box, string script, string user, string what, CancellationToken cancellationToken)
    {
        var result = await box.ExecAsync(
            new ExecRequest { Command = ["sh", "-c", script], User = user, Timeout = TimeSpan.FromMinutes(2), OutputLimit = 64 * 1024 },
            cancellationToken).ConfigureAwait(false);
        if (result.ExitCode != 0)
        {
            throw new SandboxException($"could not {what} (exit {result.ExitCode}): {result.Output.Tail(1000)}");
        }
    }

    private async Task<(string Patch, string? Problem)> TakeDiffAsync(ContainerSession box, CancellationToken cancellationToken)
    {
        var diff = await box.ExecAsync(
            new ExecRequest
            {
                Command = ["sh", "-c", ContainerScripts.Diff],
                Timeout = TimeSpan.FromMinutes(2),
                OutputLimit = options.PatchLimitBytes,
                StopOnOutputLimit = true,
            },
            cancellationToken).ConfigureAwait(false);
        if (diff.OutputLimitHit)
        {
            return ("", $"the agent's diff exceeds {options.PatchLimitBytes} bytes and was discarded");
        }

        if (diff.ExitCode != 0)
        {
            var err = await box.ExecAsync(new ExecRequest { Command = ["cat", "/evolver/diff.err"], OutputLimit = 4096 }, cancellationToken).ConfigureAwait(false);
            return ("", $"the repository could not be read after the agent stopped: {FirstLine(err.Output.Text())}");
        }

        return (diff.Output.Text(), null);
    }

    private static async Task<string?> ReadReportAsync(ContainerSession box, CancellationToken cancellationToken)
    {
        var cat = await box.ExecAsync(
            new ExecRequest { Command = ["cat", AgentPaths.Report], OutputLimit = 64 * 1024, StopOnOutputLimit = true, Timeout = TimeSpan.FromSeconds(30) },
            cancellationToken).ConfigureAwait(false);
        return cat.ExitCode == 0 ? cat.Output.Text() : null;
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

    private SolveResult HarnessError(string reason, long start) => new()
    {
        Status = AgentStatus.HarnessError, Patch = "", Duration = time.GetElapsedTime(start), Reason = reason,
    };

    private static string FirstLine(string text)
    {
        var line = text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).FirstOrDefault() ?? "";
        return line.Length > 300 ? line[..300] + "…" : line;
    }

    private static string Join(string a, string b) => string.IsNullOrEmpty(a) ? b : a + "; " + b;
}
