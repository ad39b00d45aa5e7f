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
            + "With no verb it runs the main job: an offline evolution run on the embedded default config in ./evolver-archive "
            + "(as `evolver run` with no arguments; an unfinished run there is resumed). `evolver validate --all` checks every suite and the harness.")
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
        root.SetAction((r, ct) => MainJob.RunAsync(env, r.GetResult(parallel) is { Implicit: false } ? r.GetValue(parallel) : null, ct));
        return root;
    }
}
