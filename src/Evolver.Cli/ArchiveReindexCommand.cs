using System.CommandLine;
using System.Text.Json.Nodes;

namespace Evolver.Cli;

/// <summary><c>evolver archive reindex</c>: rebuilds the SQLite index from git alone.</summary>
internal static class ArchiveReindexCommand
{
    /// <summary>Builds the verb.</summary>
    public static Command Create(CliEnvironment env)
    {
        var archive = ArchiveAccess.ArchiveOption();
        var json = ArchiveAccess.JsonOption();
        var command = new Command("reindex", "Rebuild the archive's query index from its git refs and notes.") { archive, json };
        command.SetAction(r => ArchiveAccess.Run(env, r.GetValue(archive)!, a =>
        {
            var variants = a.Reindex();
            if (r.GetValue(json))
            {
                ArchiveAccess.WriteJson(env, new JsonObject { ["archive"] = a.Path, ["variants"] = variants });
            }
            else
            {
                env.Out.WriteLine($"reindexed {variants} variant{(variants == 1 ? "" : "s")} in {a.Path}");
            }

            return ExitCodes.Success;
        }));
        return command;
    }
}
