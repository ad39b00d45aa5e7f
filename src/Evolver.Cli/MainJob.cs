using Evolver.Archive;
using Evolver.Core;
using Spectre.Console;

namespace Evolver.Cli;

/// <summary>
/// The main job, <c>evolver</c> with no verb: the evolution run on the embedded default config in
/// <c>./evolver-archive</c>. A run that archive holds and has not finished (killed, interrupted, failed) is resumed; a
/// finished one is reported and left alone, since a new run needs an archive of its own.
/// </summary>
internal static class MainJob
{
    /// <summary>Runs the main job; <paramref name="parallel"/>, when given, overrides the default parallelism.</summary>
    public static async Task<int> RunAsync(CliEnvironment env, int? parallel, CancellationToken ct)
    {
        var config = RunConfig.Default(env.WorkingDirectory);
        if (parallel is { } n)
        {
            RunConfig.Set(config, "parallelism", n, env.WorkingDirectory);
        }

        var archive = RunSettings.Read(config).ArchivePath;
        if (await SavedRunAsync(env, archive, ct).ConfigureAwait(false) is not { } state)
        {
            // No run there yet (or no archive at all, which the session reports with what to do).
            return await RunSession.RunAsync(env, config, resume: false, checkHarness: true, ct).ConfigureAwait(false);
        }

        if (state.Status == RunStatus.Finished)
        {
            env.Console.WriteLine($"{archive} holds a finished run (the {state.EndedBy} budget ended it):");
            using (var opened = AgentArchive.Open(archive, timeProvider: env.Time))
            {
                RunSummary.WriteBest(env, state, RunSummary.TasksIn(opened));
            }

            env.Console.WriteLine($"see it with: evolver status {archive}; start another with: evolver run --archive <new folder>");
            return ExitCodes.Success;
        }

        if (RunStore.IsRunActive(archive))
        {
            env.Error.WriteLine($"error: the run in {archive} is running in another process; see it with: evolver status {archive}");
            return ExitCodes.Usage;
        }

        env.Console.WriteLine($"{archive} holds a run that did not finish ({state.Status.ToString().ToLowerInvariant()}); resuming it");
        if (state.Config is not { } savedConfig)
        {
            env.Error.WriteLine($"error: the run state in {archive} holds no config to resume with.");
            return ExitCodes.Usage;
        }

        var saved = RunConfig.FromSaved(savedConfig);
        if (parallel is { } p)
        {
            RunConfig.Set(saved, "parallelism", p, env.WorkingDirectory);
        }

        return await RunSession.RunAsync(env, saved, resume: true, checkHarness: false, ct).ConfigureAwait(false);
    }

    /// <summary>The run state <paramref name="path"/> holds; null when it is no archive or holds no run.</summary>
    private static async Task<RunState?> SavedRunAsync(CliEnvironment env, string path, CancellationToken ct)
    {
        if (!Directory.Exists(path) || !Directory.EnumerateFileSystemEntries(path).Any())
        {
            return null;
        }

        try
        {
            using var archive = AgentArchive.Open(path, timeProvider: env.Time);
            using var store = RunStore.Open(archive, timeProvider: env.Time);
            var json = await store.ReadRunStateAsync(ct).ConfigureAwait(false);
            return json is null ? null : RunState.Parse(json);
        }
        catch (ArchiveException)
        {
            return null;
        }
    }
}
