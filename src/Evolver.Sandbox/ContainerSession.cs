using Docker.DotNet;
using Docker.DotNet.Models;
using Serilog;

namespace Evolver.Sandbox;

/// <summary>
/// One running sandbox container: locked down, labelled, and always removed on dispose.
/// The root file system is read-only; /repo, /tmp, /evolver and the output folders are size-capped tmpfs. Its main
/// process (see <see cref="ContainerScripts"/>) answers the harness on <see cref="Main"/>, attached before the start.
/// </summary>
internal sealed class ContainerSession : IAsyncDisposable
{
    private static readonly TimeSpan StopGrace = TimeSpan.FromSeconds(5);

    /// <summary>tmpfs options making the mount's root owned by <see cref="ExecRequest.AgentUser"/>.</summary>
    private static readonly string AgentOwner = "uid=" + ExecRequest.AgentUser.Replace(":", ",gid=", StringComparison.Ordinal);
    private readonly IDockerClient docker;
    private readonly ILogger log;
    private int disposed;

    /// <summary>Most of the main process's stderr kept: a scoring run's results tar comes that way.</summary>
    private const long MainStderrCap = 96L << 20;

    private ContainerSession(IDockerClient docker, string id, string image, ContainerRole role, bool gateway, ILogger log)
    {
        this.docker = docker;
        Id = id;
        Image = image;
        Role = role;
        Gateway = gateway;
        this.log = log;
    }

    /// <summary>What the container is for.</summary>
    public ContainerRole Role { get; }

    /// <summary>The line to the container's main process.</summary>
    public MainChannel Main { get; private set; } = null!;

    /// <summary>The container id.</summary>
    public string Id { get; }

    /// <summary>The image the container runs.</summary>
    public string Image { get; }

    /// <summary>True when the container mounts the LLM gateway's socket folder.</summary>
    public bool Gateway { get; }

    /// <summary>True once the harness had to kill the whole container.</summary>
    public bool HardKilled { get; private set; }

    /// <summary>
    /// Creates and starts an idle container of <paramref name="image"/>. Every container is alike until used, so
    /// the sandbox can start them ahead of need; the agent's build is copied in later, not bind-mounted.
    /// </summary>
    /// <param name="docker">The engine.</param>
    /// <param name="image">The image.</param>
    /// <param name="role">What the container is for: it sets the main process and its user.</param>
    /// <param name="options">Limits and mounts.</param>
    /// <param name="log">The sandbox's log.</param>
    /// <param name="gateway">Mount the LLM gateway's socket folder read-only (solve containers only).</param>
    /// <param name="cancellationToken">Cancels the start.</param>
    public static async Task<ContainerSession> StartAsync(
        IDockerClient docker, string image, ContainerRole role, SandboxOptions options, ILogger log, bool gateway, CancellationToken cancellationToken)
    {
        var p = options.LabelPrefix;
        var parameters = new CreateContainerParameters
        {
            Image = image,
            Cmd = ["sh", "-c", role == ContainerRole.Solve ? ContainerScripts.SolveMain(options.PatchLimitBytes, SolvePhase.ReportLimit) : ContainerScripts.ScoreMain],
            User = role == ContainerRole.Solve ? ExecRequest.RootUser : ExecRequest.AgentUser,
            OpenStdin = true,
            AttachStdin = true,
            AttachStdout = true,
            AttachStderr = true,

            // Not /repo: the engine would create the working directory with mode 0755 over the tmpfs, locking out uid 1000.
            WorkingDir = "/",
            NetworkDisabled = true,
            Env = ["HOME=/tmp", "LANG=C.UTF-8", "PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin", $"EVOLVER_RESULTS_DIR={ScorePhase.ResultsDir}"],
            Labels = new Dictionary<string, string>
            {
                [$"{p}.managed"] = "true",
                [$"{p}.owner"] = OwnerLabel.Current,
                [$"{p}.role"] = role.ToString().ToLowerInvariant(),
            },
            HostConfig = new HostConfig
            {
                NetworkMode = "none",
                Memory = options.MemoryBytes,
                MemorySwap = options.MemoryBytes,
                NanoCPUs = (long)(options.Cpus * 1e9),
                PidsLimit = options.PidsLimit,
                ReadonlyRootfs = true,
                Init = true,
                CapDrop = ["ALL"],
                SecurityOpt = ["no-new-privileges"],
                Ulimits = [new Ulimit { Name = "nofile", Soft = 4096, Hard = 4096 }, new Ulimit { Name = "fsize", Soft = options.RepoSizeBytes, Hard = options.RepoSizeBytes }],
                Tmpfs = new Dictionary<string, string>
                {
                    // Owned by the agent user: git refuses a repository whose top folder another user owns.
                    ["/repo"] = $"rw,exec,nosuid,nodev,mode=0755,{AgentOwner},size={options.RepoSizeBytes}",
                    ["/tmp"] = $"rw,exec,nosuid,nodev,mode=1777,size={options.TmpSizeBytes}",

                    // The agent's input (and the gold patch), extracted by the agent's own exec, hence owned by it.
                    ["/evolver"] = $"rw,noexec,nosuid,nodev,mode=0755,{AgentOwner},size=64m",

                    // Root's own folder: it briefly holds a copy of the repository to snapshot, hence the repository's size.
                    [ContainerScripts.Private] = $"rw,noexec,nosuid,nodev,mode=0700,size={options.RepoSizeBytes}",
                    ["/evolver-out"] = "rw,noexec,nosuid,nodev,mode=1777,size=8m",
                    ["/evolver-results"] = "rw,noexec,nosuid,nodev,mode=1777,size=64m",
                    ["/opt/agent"] = $"rw,exec,nosuid,nodev,mode=0755,{AgentOwner},size=256m",
                },
                LogConfig = new LogConfig { Type = "none" },
            },
        };
        if (gateway && options.GatewaySocketDirectory is { } socketDirectory)
        {
            // Read-only: the agent can connect to the socket but not replace it. The folder holds nothing else.
            parameters.HostConfig.Binds = [$"{socketDirectory}:{options.GatewayContainerDirectory}:ro"];
        }

        var created = await docker.Containers.CreateContainerAsync(parameters, cancellationToken).ConfigureAwait(false);
        var session = new ContainerSession(docker, created.ID, image, role, gateway, log.ForContext("Container", created.ID[..12]));
        try
        {
            // Attached before the start, so nothing the main process says is missed.
            var stream = await docker.Containers.AttachContainerAsync(
                created.ID, false, new ContainerAttachParameters { Stream = true, Stdin = true, Stdout = true, Stderr = true }, cancellationToken).ConfigureAwait(false);
            session.Main = new MainChannel(stream, MainStderrCap);
            await docker.Containers.StartContainerAsync(created.ID, new ContainerStartParameters(), cancellationToken).ConfigureAwait(false);
            return session;
        }
        catch
        {
            await session.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>Runs a process and collects its output, stopping it at its time or output limit.</summary>
    public async Task<ExecResult> ExecAsync(ExecRequest request, CancellationToken cancellationToken)
    {
        var exec = await docker.Exec.ExecCreateContainerAsync(
            Id,
            new ContainerExecCreateParameters
            {
                Cmd = request.Command.ToList(),
                User = request.User,
                Env = request.Env.ToList(),
                WorkingDir = request.WorkingDir,
                AttachStdin = request.Stdin is not null,
                AttachStdout = true,
                AttachStderr = true,
            },
            cancellationToken).ConfigureAwait(false);

        var output = new BoundedOutput(request.OutputLimit);
        using var stream = await docker.Exec.StartAndAttachContainerExecAsync(exec.ID, false, cancellationToken).ConfigureAwait(false);
        using var readCts = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var limitHit = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var pump = PumpAsync(stream, output, request, limitHit, readCts.Token);
        if (request.Stdin is not null)
        {
            await stream.WriteAsync(request.Stdin, 0, request.Stdin.Length, cancellationToken).ConfigureAwait(false);
            stream.CloseWrite();
        }

        var deadline = Task.Delay(request.Timeout, cancellationToken);
        var first = await Task.WhenAny(pump, deadline, limitHit.Task).ConfigureAwait(false);
        cancellationToken.ThrowIfCancellationRequested();
        // The pump finishes at the same moment it flags the limit, so ask the flag rather than which task won.
        var overflow = limitHit.Task.IsCompleted;
        var timedOut = !overflow && first == deadline;
        if (timedOut || overflow)
        {
            await StopProcessesAsync(request.User, cancellationToken).ConfigureAwait(false);
        }

        if (await Task.WhenAny(pump, Task.Delay(StopGrace, CancellationToken.None)).ConfigureAwait(false) != pump)
        {
            // The process outlived the stop: kill the whole container, which ends every stream.
            await KillContainerAsync().ConfigureAwait(false);
        }

        await readCts.CancelAsync().ConfigureAwait(false);
        long? exitCode = null;
        if (!timedOut && !overflow && !HardKilled)
        {
            exitCode = await ExitCodeAsync(exec.ID, cancellationToken).ConfigureAwait(false);
        }

        return new ExecResult(exitCode, output, output.Total, timedOut, overflow);
    }

    /// <summary>Kills every process of the agent user; kills the container if that cannot be done.</summary>
    private async Task StopProcessesAsync(string user, CancellationToken cancellationToken)
    {
        if (user == ExecRequest.AgentUser)
        {
            try
            {
                // kill(-1) signals every process the caller may signal, except itself and init.
                var exec = await docker.Exec.ExecCreateContainerAsync(
                    Id, new ContainerExecCreateParameters { Cmd = ["sh", "-c", "kill -9 -1"], User = user }, cancellationToken).ConfigureAwait(false);
                using var cts = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
                cts.CancelAfter(StopGrace);
                await docker.Exec.StartContainerExecAsync(exec.ID, cts.Token).ConfigureAwait(false);
                if (await ExitCodeAsync(exec.ID, cts.Token).ConfigureAwait(false) is 0 or 137)
                {
                    return;
                }
            }
            catch (Exception e) when (e is DockerApiException or OperationCanceledException or HttpRequestException or IOException)
            {
                log.Debug(e, "Could not stop the agent's processes; killing the container");
            }
        }

        await KillContainerAsync().ConfigureAwait(false);
    }

    /// <summary>
    /// Freezes every process left in the container (<c>docker pause</c>), so whatever the agent left running costs no
    /// CPU while the container waits for its removal. Never throws: a container that cannot be frozen is simply removed
    /// later as it is.
    /// </summary>
    public async Task FreezeAsync()
    {
        try
        {
            await docker.Containers.PauseContainerAsync(Id, CancellationToken.None).ConfigureAwait(false);
        }
        catch (Exception e) when (e is DockerApiException or HttpRequestException or IOException)
        {
            log.Debug(e, "Pausing the container failed (it may have stopped already)");
        }
    }

    /// <summary>Kills the whole container, which ends every process and stream in it.</summary>
    public async Task KillContainerAsync()
    {
        HardKilled = true;
        try
        {
            await docker.Containers.KillContainerAsync(Id, new ContainerKillParameters { Signal = "KILL" }, CancellationToken.None).ConfigureAwait(false);
        }
        catch (DockerApiException e)
        {
            log.Debug(e, "Kill of container failed (it may have stopped already)");
        }
    }

    private async Task<long?> ExitCodeAsync(string execId, CancellationToken cancellationToken)
    {
        // The stream can end a moment before the engine records the exit.
        for (var i = 0; i < 50; i++)
        {
            var inspect = await docker.Exec.InspectContainerExecAsync(execId, cancellationToken).ConfigureAwait(false);
            if (!inspect.Running)
            {
                return inspect.ExitCode;
            }

            await Task.Delay(20, cancellationToken).ConfigureAwait(false);
        }

        return null;
    }

    private static async Task PumpAsync(
        MultiplexedStream stream, BoundedOutput output, ExecRequest request, TaskCompletionSource limitHit, CancellationToken cancellationToken)
    {
        var buffer = new byte[81920];
        try
        {
            while (true)
            {
                var read = await stream.ReadOutputAsync(buffer, 0, buffer.Length, cancellationToken).ConfigureAwait(false);
                if (read.EOF)
                {
                    return;
                }

                output.Append(buffer.AsSpan(0, read.Count));
                if (request.StopOnOutputLimit && output.Total > request.OutputLimit)
                {
                    limitHit.TrySetResult();
                    return;
                }
            }
        }
        catch (Exception e) when (e is OperationCanceledException or IOException or ObjectDisposedException)
        {
            // The stream ended because the process or container was stopped.
        }
    }

    /// <summary>Removes the container, whatever its state. Never throws.</summary>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref disposed, 1) != 0)
        {
            return;
        }

        try
        {
            await RemoveAsync().ConfigureAwait(false);
        }
        finally
        {
            if (Main is not null)
            {
                await Main.DisposeAsync().ConfigureAwait(false);
            }
        }
    }

    private async Task RemoveAsync()
    {
        for (var attempt = 0; attempt < 3; attempt++)
        {
            try
            {
                await docker.Containers.RemoveContainerAsync(Id, new ContainerRemoveParameters { Force = true, RemoveVolumes = true }, CancellationToken.None).ConfigureAwait(false);
                return;
            }
            catch (DockerContainerNotFoundException)
            {
                return;
            }
            catch (Exception e) when (e is DockerApiException or HttpRequestException or IOException)
            {
                log.Warning(e, "Removing container failed (attempt {Attempt}); the reaper removes it at the next start", attempt + 1);
                await Task.Delay(500).ConfigureAwait(false);
            }
        }
    }
}
