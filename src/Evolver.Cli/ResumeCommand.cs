using System.CommandLine;
using Evolver.Archive;
using Evolver.Core;

namespace Evolver.Cli;

/// <summary><c>evolver resume</c>: continues the run an archive holds, after a kill, a crash or Ctrl+C.</summary>
internal static class ResumeCommand
{
    /// <summary>Builds the verb.</summary>
    public static Command Create(CliEnvironment env)
    {
        var archive = new Argument<string>("archive") { Description = "The run's archive folder.", DefaultValueFactory = _ => "./evolver-archive" };
        var flags = RunFlags.ForResume();
        var command = new Command(
            "resume",
            "Continue the run in an archive where it stopped: jobs it had in flight are redone unless archived, and its random stream, counters and budgets continue. "
            + "The budget and --parallel flags change the saved config.")
        {
            archive,
        };
        foreach (var option in flags.Options)
        {
            command.Options.Add(option);
        }

        command.SetAction(async (r, ct) =>
        {
            var path = env.Resolve(r.GetRequiredValue(archive));
            var saved = await ReadStateAsync(env, path, ct).ConfigureAwait(false);
            if (saved is null)
            {
                return ExitCodes.Usage;
            }

            try
            {
                var config = RunConfig.FromSaved(saved.Config!.Value);
                flags.Apply(r, config, env.WorkingDirectory);

                // The archive may have been moved or cloned since the run started.
                RunConfig.Set(config, "archive", path, env.WorkingDirectory);
                RunSettings.Read(config);
                return await RunSession.RunAsync(env, config, resume: true, checkHarness: false, ct).ConfigureAwait(false);
            }
            catch (RunConfigException e)
            {
                env.Error.WriteLine("error: " + e.Message);
                return ExitCodes.Usage;
            }
        });
        return command;
    }

    /// <summary>The run state in <paramref name="path"/>, or null after writing why it cannot be resumed.</summary>
    private static async Task<RunState?> ReadStateAsync(CliEnvironment env, string path, CancellationToken ct)
    {
        var state = await StatusCommand.ReadAsync(env, path, ct).ConfigureAwait(false);
        if (state is null)
        {
            return null;
        }

        if (state.Status == RunStatus.Finished)
        {
            env.Error.WriteLine($"error: the run in {path} has finished (the {state.EndedBy} budget ended it); nothing to resume. Start a new run in another archive.");
            return null;
        }

        if (state.Config is null)
        {
            env.Error.WriteLine($"error: the run state in {path} holds no config to resume with.");
            return null;
        }

        if (RunStore.IsRunActive(path))
        {
            env.Error.WriteLine($"error: the run in {path} is running in another process; see it with: evolver status {path}");
            return null;
        }

        return state;
    }
}
