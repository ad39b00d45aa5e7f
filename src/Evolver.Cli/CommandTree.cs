using System.CommandLine;

namespace Evolver.Cli;

/// <summary>The verbs of the <c>evolver</c> command.</summary>
internal static class CommandTree
{
    /// <summary>The root command: with no verb it runs the main job.</summary>
    public static RootCommand Create(CliEnvironment env)
    {
        var parallel = CommonOptions.Parallel();
        var root = new RootCommand(
            "Evolver evolves coding agents and scores them on SWE-style tasks in a Docker sandbox. "
            + "With no verb it runs the main job: validate every shipped and development suite with the gold and empty agents.")
        {
            parallel,
            EvalCommand.Create(env),
            ImportCommand.Create(env),
            ValidateCommand.Create(env),
            InitCommand.Create(env),
            ArchiveCommand.Create(env),
            MutateCommand.Create(env),
            RunCommand.Create(env),
            ResumeCommand.Create(env),
            StatusCommand.Create(env),
            ServeCommand.Create(env),
            ReportCommand.Create(env),
            ReplayCommand.Create(env),
        };
        root.SetAction((r, ct) => MainJob.RunAsync(env, r.GetValue(parallel), ct));
        return root;
    }
}
