using System.Text.Json;
using System.Text.Json.Nodes;
using Evolver.Archive;
using Evolver.Core;
using Evolver.Gateway;
using Evolver.Mutation;
using Evolver.Sandbox;
using Spectre.Console;

namespace Evolver.Cli;

/// <summary>
/// One session of a run, new or resumed: opens the archive and takes its run lock, opens the sandbox, imports the
/// development suites it needs, runs the loop under the live view, and at the end writes the score plot and attaches it
/// and the session's log to the run in the archive.
/// </summary>
internal static class RunSession
{
    /// <summary>Runs one session; <paramref name="checkHarness"/> makes a new run pass <see cref="HarnessCheck"/> first.</summary>
    public static async Task<int> RunAsync(CliEnvironment env, JsonObject config, bool resume, bool checkHarness, CancellationToken ct)
    {
        RunSettings settings;
        IReadOnlyList<SeedAgent> seeds;
        IReadOnlyList<SuiteSpec> local;
        try
        {
            settings = RunSettings.Read(config);
            seeds = resume ? [] : RunInputs.Seeds(env, settings);
            local = RunInputs.LoadLocal(env, settings);
        }
        catch (RunConfigException e)
        {
            env.Error.WriteLine("error: " + e.Message);
            return ExitCodes.Usage;
        }

        using var archive = OpenArchive(env, settings.ArchivePath, resume);
        if (archive is null)
        {
            return ExitCodes.Usage;
        }

        using var store = RunStore.Open(archive, timeProvider: env.Time);
        if (!store.TryAcquireRunLock())
        {
            env.Error.WriteLine($"error: another evolver process is running the run in {settings.ArchivePath}; see it with: evolver status {settings.ArchivePath}");
            return ExitCodes.Usage;
        }

        var saved = await store.ReadRunStateAsync(ct).ConfigureAwait(false);
        if (!resume && saved is not null)
        {
            env.Error.WriteLine($"error: {settings.ArchivePath} already holds a run; continue it with: evolver resume {settings.ArchivePath} (or give another --archive)");
            return ExitCodes.Usage;
        }

        if (!resume && seeds.Count == 0 && archive.ListVariants().Count == 0)
        {
            env.Error.WriteLine($"error: config key 'seeds': the run needs a seed, as {settings.ArchivePath} holds no variant to start from");
            return ExitCodes.Usage;
        }

        var log = RunLog.Start(env, store.RunDirectory, resume ? "resume" : "run");
        var work = Path.Combine(Path.GetTempPath(), $"evolver-run-{Environment.ProcessId}-{Guid.NewGuid().ToString("N")[..8]}");
        RunState? final = null;
        IReadOnlyList<string> confirmation = [];
        try
        {
            log.Logger.Information("Run config {Config}", RunConfig.Show(config));
            using var mutators = new RunMutators();

            // With an llm config, agents reach the model through the gateway, metered against the run's budgets.
            await using var gateway = settings.Llm is null
                ? null
                : await LlmGateway.StartAsync(new GatewayOptions { RunId = Path.GetFileName(settings.ArchivePath.TrimEnd('/')) }, mutators.Client(settings, env.Time), env.Time, ct).ConfigureAwait(false);
            var sandboxOptions = new SandboxOptions { MaxAgentSeconds = settings.AgentTimeoutSeconds, GatewaySocketDirectory = gateway?.SocketDirectory };
            await using var sandbox = await SandboxHost.OpenAsync(env, log.Logger, sandboxOptions, RunInputs.ImageFamilies(settings, local), ct).ConfigureAwait(false);
            if (sandbox is null)
            {
                return ExitCodes.HarnessError;
            }

            var suites = await RunInputs.LoadAllAsync(env, log.Logger, sandbox, settings, local, ct).ConfigureAwait(false);
            if (suites is null)
            {
                return ExitCodes.HarnessError;
            }

            if (checkHarness && !resume
                && await HarnessCheck.RunAsync(env, log.Logger, sandbox, suites, settings.Parallelism, log.FilePath, ct).ConfigureAwait(false) is var check and not ExitCodes.Success)
            {
                return check;
            }

            var builder = new AgentBuilder(new AgentBuilderOptions(), env.Time);
            var options = new EvolutionOptions
            {
                Seeds = seeds,
                Suites = suites,
                Mutators = mutators.Create(settings, sandbox, builder, env.Time),
                Selector = settings.Selector,
                Stages = settings.Stages,
                Admission = settings.Admission,
                Parallelism = settings.Parallelism,
                Budgets = settings.Budgets,
                Gateway = gateway,
                RngSeed = settings.RngSeed,
                ShuffleTasksPerChild = settings.ShuffleTasksPerChild,
                MutationTimeout = settings.MutationTimeout,
                BuildTimeout = settings.BuildTimeout,
                WorkDirectory = work,
                Descriptors = RunDescriptors.Measure,
                Config = JsonDocument.Parse(config.ToJsonString()).RootElement.Clone(),
            };
            env.Console.WriteLine(
                $"{(resume ? "resuming" : "starting")} the run in {settings.ArchivePath}: {suites.Sum(s => s.Tasks.Count)} tasks of {string.Join(", ", suites.Select(s => s.Name))}, "
                + $"mutators {string.Join(", ", settings.Mutators.Select(Describe))}, selector {settings.Selector.Name}, {settings.Parallelism} at a time");
            var interactive = env.Console.Profile.Capabilities.Interactive;
            var loop = new EvolutionLoop(options, store, sandbox, new RunChildBuilder(builder), env.Time, new CallbackProgress<RunEvent>(e => RunEvents.Write(env, log.Logger, e, interactive)));
            final = await RunView.RunAsync(env, loop, settings.ArchivePath, () => resume ? loop.ResumeAsync(ct) : loop.StartAsync(ct)).ConfigureAwait(false);
            if (final.Status == RunStatus.Finished)
            {
                try
                {
                    confirmation = await RunConfirmation.RunAsync(env, final, archive, sandbox, builder, suites, settings.Parallelism, work, ct).ConfigureAwait(false);
                }
                catch (OperationCanceledException) when (ct.IsCancellationRequested)
                {
                    confirmation = ["confirmation interrupted"];
                }
            }
        }
        catch (RunConfigException e)
        {
            env.Error.WriteLine("error: " + e.Message);
            return ExitCodes.Usage;
        }
        finally
        {
            if (Directory.Exists(work))
            {
                Directory.Delete(work, recursive: true);
            }

            log.Dispose();
            await FinishAsync(env, store, final, log.FilePath, confirmation).ConfigureAwait(false);
        }

        return final!.Status switch
        {
            RunStatus.Finished => ExitCodes.Success,
            RunStatus.Interrupted => ExitCodes.Cancelled,
            _ => ExitCodes.HarnessError,
        };
    }

    /// <summary>A mutator as the start line shows it: name, options, weight (e.g. <c>gp(operators=constant) x3</c>).</summary>
    private static string Describe(RunMutatorSpec m) =>
        m.Name + (m.Parents == 2 ? "(crossover)" : "")
        + (m.Options.Count == 0 ? "" : "(" + string.Join(", ", m.Options.Select(o => $"{o.Key}={o.Value}")) + ")")
        + " x" + m.Weight.ToString("0.##", System.Globalization.CultureInfo.InvariantCulture);

    private static AgentArchive? OpenArchive(CliEnvironment env, string path, bool resume)
    {
        try
        {
            var fresh = !Directory.Exists(path) || !Directory.EnumerateFileSystemEntries(path).Any();
            if (resume && fresh)
            {
                env.Error.WriteLine($"error: {path} holds no archive to resume");
                return null;
            }

            return fresh ? AgentArchive.Init(path, timeProvider: env.Time) : AgentArchive.Open(path, timeProvider: env.Time);
        }
        catch (ArchiveException e)
        {
            env.Error.WriteLine("error: " + e.Message);
            return null;
        }
    }

    /// <summary>The plot and the summary; the plot and log are attached to the run in git too, so a clone carries them.</summary>
    private static async Task FinishAsync(CliEnvironment env, RunStore store, RunState? state, string logFile, IReadOnlyList<string> confirmation)
    {
        if (state is null)
        {
            return;
        }

        var plot = Path.Combine(store.RunDirectory, "score.png");
        var png = RunChart.Render(state.History);
        await File.WriteAllBytesAsync(plot, png, CancellationToken.None).ConfigureAwait(false);
        var files = new Dictionary<string, byte[]> { ["score.png"] = png };
        if (File.Exists(logFile))
        {
            files[Path.GetFileName(logFile)] = await File.ReadAllBytesAsync(logFile, CancellationToken.None).ConfigureAwait(false);
        }

        await store.WriteFilesAsync(files, CancellationToken.None).ConfigureAwait(false);
        RunSummary.Write(env, state, store.Archive.Path, plot, logFile, RunSummary.TasksIn(store.Archive), confirmation);
    }
}
