using System.CommandLine;
using System.Text.Json.Nodes;

namespace Evolver.Cli;

/// <summary><c>evolver run</c>: starts an evolution run from a config file and flags (the embedded default without either).</summary>
internal static class RunCommand
{
    /// <summary>Builds the verb.</summary>
    public static Command Create(CliEnvironment env)
    {
        var config = new Option<string?>("--config") { Description = "The run config (JSON; every key in README.md, \"Run configuration\"). Flags override it.", HelpName = "FILE" };
        var print = new Option<bool>("--print-config") { Description = "Print the merged, validated config and exit without running." };
        var checkHarness = new Option<bool>("--check-harness")
        {
            Description = "Before evolving, check the harness on the run's tasks: gold must resolve every task and empty none (remembered until the suite, images or sandbox change). The main job always does.",
        };
        var flags = RunFlags.ForRun();
        var command = new Command(
            "run",
            "Evolve agents: evaluate the seeds, then select parents, mutate, build, evaluate in stages and archive children until a budget ends the run. "
            + "With no config it runs the embedded default: the repair seed, the gp mutator, the development suites, in ./evolver-archive.")
        {
            config, print, checkHarness,
        };
        foreach (var option in flags.Options)
        {
            command.Options.Add(option);
        }

        command.SetAction((r, ct) =>
        {
            JsonObject merged;
            try
            {
                merged = r.GetValue(config) is { } file ? RunConfig.Load(file, env.WorkingDirectory) : RunConfig.Default(env.WorkingDirectory);
                flags.Apply(r, merged, env.WorkingDirectory);
                RunSettings.Read(merged);
            }
            catch (RunConfigException e)
            {
                env.Error.WriteLine("error: " + e.Message);
                return Task.FromResult(ExitCodes.Usage);
            }

            if (r.GetValue(print))
            {
                env.Out.WriteLine(RunConfig.Show(merged));
                return Task.FromResult(ExitCodes.Success);
            }

            return RunSession.RunAsync(env, merged, resume: false, r.GetValue(checkHarness), ct);
        });
        return command;
    }
}
