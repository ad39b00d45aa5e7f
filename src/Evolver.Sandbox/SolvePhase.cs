using System.Text;
using Evolver.Agents.Sdk;
using Evolver.Core;

namespace Evolver.Sandbox;

/// <summary>The agent phase inside one container: repository in, base snapshot, agent run, diff and report out.</summary>
internal sealed class SolvePhase(SandboxOptions options, TimeProvider time)
{
    /// <summary>Runs <paramref name="agent"/> on <paramref name="task"/> in <paramref name="box"/> and takes its diff.</summary>
    public async Task<SolveResult> RunAsync(
        ContainerSession box, TaskSpec task, AgentArtifact agent, byte[] repoTar, long start, StepTimer timer, CancellationToken cancellationToken)
    {
        await box.CopyInAsync(repoTar, AgentPaths.Repo, ExecRequest.AgentUser, cancellationToken).ConfigureAwait(false);
        timer.Lap("copy-repo");
        if (agent.Kind == AgentKind.Program)
        {
            if (agent.BuildDirectory is null || !Directory.Exists(agent.BuildDirectory))
            {
                return HarnessError($"agent {agent.Name} has no build folder ({agent.BuildDirectory})", start);
            }

            var build = await TarArchive.FromDirectoryAsync(agent.BuildDirectory, cancellationToken).ConfigureAwait(false);
            await box.CopyInAsync(build, "/opt/agent", ExecRequest.RootUser, cancellationToken).ConfigureAwait(false);
            timer.Lap("copy-agent");
        }

        await RunStepAsync(box, ContainerScripts.SnapshotBase, ExecRequest.RootUser, "snapshot the base repository", cancellationToken).ConfigureAwait(false);
        timer.Lap("snapshot");
        await RunStepAsync(box, ContainerScripts.InitAgentRepo, ExecRequest.AgentUser, "initialise the agent's git repository", cancellationToken).ConfigureAwait(false);
        timer.Lap("init-repo");

        var seconds = Math.Min(task.Timeouts.AgentSeconds, options.MaxAgentSeconds ?? int.MaxValue);
        var files = new List<(string, byte[])> { ("input.json", Encoding.UTF8.GetBytes(Context(task, seconds, agent.Gateway).ToJson())) };
        if (agent.Kind == AgentKind.Gold)
        {
            if (task.GoldPatchPath is null)
            {
                return HarnessError($"task {task.InstanceId} has no gold.patch, so the gold agent cannot run on it", start);
            }

            files.Add(("gold.patch", await File.ReadAllBytesAsync(task.GoldPatchPath, cancellationToken).ConfigureAwait(false)));
        }

        await box.CopyInAsync(TarArchive.FromFiles(files), "/evolver", ExecRequest.RootUser, cancellationToken).ConfigureAwait(false);
        timer.Lap("copy-input");

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

        timer.Lap("agent");
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
        timer.Lap("diff");
        var report = await ReadReportAsync(box, cancellationToken).ConfigureAwait(false);
        timer.Lap("report");
        return new SolveResult
        {
            Status = status,
            ExitCode = run.ExitCode is { } code ? (int)code : null,
            Patch = patch,
            Duration = time.GetElapsedTime(start),
            OutputBytes = run.TotalBytes,
            OutputTail = run.Output.Tail(),
            Report = report,
            Reason = diffProblem is null ? reason : SandboxText.Join(reason, diffProblem),
            Timings = timer.Steps,
        };
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
            return ("", $"the repository could not be read after the agent stopped: {SandboxText.FirstLine(err.Output.Text())}");
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

    /// <summary>A solve result for a failure of the harness, not the agent.</summary>
    public SolveResult HarnessError(string reason, long start) => new()
    {
        Status = AgentStatus.HarnessError, Patch = "", Duration = time.GetElapsedTime(start), Reason = reason,
    };
}
