using System.Text;
using Evolver.Agents.Sdk;
using Evolver.Core;

namespace Evolver.Sandbox;

/// <summary>The agent phase inside one container: repository and agent in and the agent run, base snapshot beside it, diff and report out.</summary>
internal sealed class SolvePhase(SandboxOptions options, TimeProvider time, BaseSnapshots snapshots)
{
    /// <summary>Runs <paramref name="agent"/> on <paramref name="task"/> in <paramref name="box"/> and takes its diff.</summary>
    public async Task<SolveResult> RunAsync(
        ContainerSession box, TaskSpec task, AgentArtifact agent, byte[] repoTar, StepTimer timer, CancellationToken cancellationToken)
    {
        if (agent.Kind == AgentKind.Program && (agent.BuildDirectory is null || !Directory.Exists(agent.BuildDirectory)))
        {
            return HarnessError($"agent {agent.Name} has no build folder ({agent.BuildDirectory})", timer);
        }

        if (agent.Kind == AgentKind.Gold && task.GoldPatchPath is null)
        {
            return HarnessError($"task {task.InstanceId} has no gold.patch, so the gold agent cannot run on it", timer);
        }

        var seconds = Math.Min(task.Timeouts.AgentSeconds, options.MaxAgentSeconds ?? int.MaxValue);
        var gitDirectory = await snapshots.GitDirectoryTarAsync(task.RepoDirectory, repoTar, cancellationToken).ConfigureAwait(false);
        var input = await InputTarAsync(task, agent, seconds, gitDirectory, cancellationToken).ConfigureAwait(false);
        timer.Lap("host-tar");

        // The container's main process (root) keeps its own copy of the base commit, made by the harness, never by the agent.
        await box.Main.SendFrameAsync(gitDirectory, cancellationToken).ConfigureAwait(false);
        return await SolveAsync(box, task, agent, seconds, input, timer, cancellationToken).ConfigureAwait(false);
    }

    private async Task<SolveResult> SolveAsync(
        ContainerSession box, TaskSpec task, AgentArtifact agent, int seconds, byte[] input, StepTimer timer, CancellationToken cancellationToken)
    {
        // One exec sets the repository and the agent up and then becomes the agent; its set-up costs the agent's time.
        var nonce = "evolver-step-failed-" + Guid.NewGuid().ToString("N");
        var run = await box.ExecAsync(
            new ExecRequest
            {
                Command = ["sh", "-c", ContainerScripts.Solve(nonce, AgentCommand(agent))],
                User = ExecRequest.AgentUser,
                WorkingDir = AgentPaths.Repo,
                Env = ["HOME=/tmp"],
                Stdin = input,
                Timeout = TimeSpan.FromSeconds(seconds),
                OutputLimit = options.AgentOutputLimitBytes,
                StopOnOutputLimit = true,
            },
            cancellationToken).ConfigureAwait(false);
        if (run.ExitCode == ContainerScripts.StepFailedExit && run.Output.Text().StartsWith(nonce + " setup", StringComparison.Ordinal))
        {
            throw new SandboxException("could not copy the repository and the agent into the container: " + SandboxText.FirstLine(run.Output.Text()[(nonce.Length + 6)..].Trim()));
        }

        timer.Lap("agent");

        var (status, reason) = Classify(run, seconds, options.AgentOutputLimitBytes);
        if (box.HardKilled)
        {
            // The container and its in-memory repository are gone: there is no diff to take.
            return new SolveResult
            {
                Status = status, Patch = "", Duration = timer.Elapsed, OutputBytes = run.TotalBytes,
                OutputTail = run.Output.Tail(), Reason = reason + "; the container had to be killed, so no diff was kept", Timings = timer.Steps,
            };
        }

        var (patch, report, diffProblem) = await CollectAsync(box, cancellationToken).ConfigureAwait(false);
        timer.Lap("collect");
        return new SolveResult
        {
            Status = status,
            ExitCode = run.ExitCode is { } code ? (int)code : null,
            Patch = patch,
            Duration = timer.Elapsed,
            OutputBytes = run.TotalBytes,
            OutputTail = run.Output.Tail(),
            Report = report,
            Reason = diffProblem is null ? reason : SandboxText.Join(reason, diffProblem),
            Timings = timer.Steps,
        };
    }

    /// <summary>
    /// What the agent's exec extracts at /: the repository with its git directory at the base commit, the agent's
    /// build, its input (and the gold patch). No entry names a mount point itself, so extracting never touches a folder
    /// the agent user does not own.
    /// </summary>
    private async Task<byte[]> InputTarAsync(TaskSpec task, AgentArtifact agent, int seconds, byte[] gitDirectory, CancellationToken cancellationToken)
    {
        using var tar = new TarBuilder();
        await tar.AddDirectoryAsync(task.RepoDirectory, "repo", cancellationToken).ConfigureAwait(false);
        await tar.AddTarAsync(gitDirectory, "repo/.git", cancellationToken).ConfigureAwait(false);
        if (agent.Kind == AgentKind.Program)
        {
            await tar.AddDirectoryAsync(agent.BuildDirectory!, "opt/agent", cancellationToken).ConfigureAwait(false);
        }

        tar.AddFile("evolver/input.json", Encoding.UTF8.GetBytes(Context(task, seconds, agent.Gateway).ToJson()));
        if (agent.Kind == AgentKind.Gold)
        {
            tar.AddFile("evolver/gold.patch", await File.ReadAllBytesAsync(task.GoldPatchPath!, cancellationToken).ConfigureAwait(false));
        }

        return tar.ToArray();
    }

    private AgentContext Context(TaskSpec task, int seconds, GatewayGrant? gateway) => new()
    {
        Gateway = gateway is null || options.GatewaySocketDirectory is null && gateway.SocketPath is not null
            ? null
            : new GatewayInfo(gateway.BaseUrl, gateway.Token, gateway.Model, gateway.SocketPath),
        InstanceId = task.InstanceId,
        ProblemStatement = task.ProblemStatement,
        Language = task.Language,
        VisibleTests = task.VisibleTests,
        VisibleTestCommand = VisibleTestCommand(task),
        Budget = new AgentBudget(seconds, time.GetUtcNow().AddSeconds(seconds), options.AgentOutputLimitBytes, gateway?.LlmTokens),
    };

    private static string? VisibleTestCommand(TaskSpec task) => task.VisibleTests.Count == 0 ? null : task.TestFormat switch
    {
        TestFormat.Pytest => "python3 -m pytest -rA -p no:cacheprovider --timeout=30 " + string.Join(' ', task.VisibleTests.Select(ShellQuote)),
        TestFormat.Trx or TestFormat.JunitXml when task.Language == "csharp" => "dotnet test",
        _ => null,
    };

    private static string ShellQuote(string s) => "'" + s.Replace("'", "'\\''") + "'";

    private static string[] AgentCommand(AgentArtifact agent) => agent.Kind switch
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

    /// <summary>The agent's report is read up to this many bytes; a longer one is dropped.</summary>
    public const long ReportLimit = 64 * 1024;

    /// <summary>How long the main process may take to answer the collect step.</summary>
    private static readonly TimeSpan CollectTimeout = TimeSpan.FromMinutes(2);

    /// <summary>The diff and the report, taken by the container's main process (root) once the snapshot is done.</summary>
    private async Task<(string Patch, string? Report, string? Problem)> CollectAsync(ContainerSession box, CancellationToken cancellationToken)
    {
        var nonce = Guid.NewGuid().ToString("N");
        await box.Main.SendAsync("collect " + nonce, null, cancellationToken).ConfigureAwait(false);
        var (records, timedOut) = await box.Main.WaitAsync(nonce, CollectTimeout, cancellationToken).ConfigureAwait(false);
        if (records is null)
        {
            throw new SandboxException(
                $"could not take the agent's diff: the container's main process {(timedOut ? $"did not answer within {CollectTimeout.TotalSeconds} s" : "ended")}: {SandboxText.FirstLine(box.Main.StderrTail())}");
        }

        var files = records["collect.tar"] is { } tar
            ? (await TarArchive.ReadTextFilesAsync(tar, cancellationToken).ConfigureAwait(false))
                .ToDictionary(f => f.Name.StartsWith("./", StringComparison.Ordinal) ? f.Name[2..] : f.Name, f => f.Text, StringComparer.Ordinal)
            : throw new SandboxException("could not take the agent's diff: " + SandboxText.FirstLine(box.Main.StderrTail()));
        if (files.GetValueOrDefault("snapshot.exit", "").Trim() != "0")
        {
            throw new SandboxException("could not snapshot the base repository: " + SandboxText.FirstLine(files.GetValueOrDefault("snapshot.err", "no snapshot was made")));
        }

        var patch = files.GetValueOrDefault("agent.patch", "");
        var report = files.TryGetValue("report.json", out var r) && Encoding.UTF8.GetByteCount(r) <= ReportLimit ? r : null;
        if (Encoding.UTF8.GetByteCount(patch) > options.PatchLimitBytes)
        {
            return ("", report, $"the agent's diff exceeds {options.PatchLimitBytes} bytes and was discarded");
        }

        if (files.GetValueOrDefault("diff.exit", "").Trim() != "0")
        {
            return ("", report, $"the repository could not be read after the agent stopped: {SandboxText.FirstLine(files.GetValueOrDefault("diff.err.head", ""))}");
        }

        return (patch, report, null);
    }

    /// <summary>A solve result for a failure of the harness, not the agent.</summary>
    public static SolveResult HarnessError(string reason, StepTimer timer) => new()
    {
        Status = AgentStatus.HarnessError, Patch = "", Duration = timer.Elapsed, Reason = reason, Timings = timer.Steps,
    };
}
