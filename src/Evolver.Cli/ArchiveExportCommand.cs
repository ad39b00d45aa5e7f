using System.CommandLine;
using System.Text.Json.Nodes;

namespace Evolver.Cli;

/// <summary><c>evolver archive export &lt;id&gt; &lt;dir&gt;</c>: checks a variant's source out to a folder.</summary>
internal static class ArchiveExportCommand
{
    /// <summary>Builds the verb.</summary>
    public static Command Create(CliEnvironment env)
    {
        var archive = ArchiveAccess.ArchiveOption();
        var json = ArchiveAccess.JsonOption();
        var id = new Argument<string>("id") { Description = "The variant's id." };
        var dir = new Argument<string>("dir") { Description = "The folder to write the agent's source to; it must not exist or be empty." };
        var logs = new Option<string?>("--logs") { Description = "Also write the variant's archived logs and LLM exchanges to this folder.", HelpName = "DIR" };
        var command = new Command("export", "Write a variant's source (and, with --logs, its logs) to a folder.") { id, dir, archive, json, logs };
        command.SetAction(r => ArchiveAccess.Run(env, r.GetValue(archive)!, a =>
        {
            var variant = r.GetValue(id)!;
            var target = env.Resolve(r.GetValue(dir)!);
            var files = a.Export(variant, target);
            var logsTarget = r.GetValue(logs) is { } l ? env.Resolve(l) : null;
            var logFiles = logsTarget is null ? (int?)null : a.ExportLogs(variant, logsTarget);
            if (r.GetValue(json))
            {
                ArchiveAccess.WriteJson(env, new JsonObject
                {
                    ["id"] = variant, ["directory"] = target, ["files"] = files, ["logs_directory"] = logsTarget, ["log_files"] = logFiles,
                });
            }
            else
            {
                env.Out.WriteLine($"exported {variant}: {files} file{(files == 1 ? "" : "s")} to {target}");
                if (logsTarget is not null)
                {
                    env.Out.WriteLine($"exported the logs of {variant}: {logFiles} file{(logFiles == 1 ? "" : "s")} to {logsTarget}");
                }
            }

            return ExitCodes.Success;
        }));
        return command;
    }
}
