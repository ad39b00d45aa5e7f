using System.CommandLine;
using System.Text.Json.Nodes;
using Evolver.Archive;
using Spectre.Console;

namespace Evolver.Cli;

/// <summary><c>evolver archive fsck [--repair]</c>: checks that git, notes and index agree; exit 1 while something is wrong.</summary>
internal static class ArchiveFsckCommand
{
    /// <summary>Builds the verb.</summary>
    public static Command Create(CliEnvironment env)
    {
        var archive = ArchiveAccess.ArchiveOption();
        var json = ArchiveAccess.JsonOption();
        var repair = new Option<bool>("--repair") { Description = "Repair what can be repaired (stale locks, orphan notes and logs refs, the index); nothing holding data is deleted." };
        var command = new Command("fsck", "Check that the archive's refs, notes and index agree (exit 1 when inconsistencies remain).") { archive, json, repair };
        command.SetAction(r => ArchiveAccess.Run(env, r.GetValue(archive)!, a =>
        {
            var report = a.Fsck(r.GetValue(repair));
            if (r.GetValue(json))
            {
                ArchiveAccess.WriteJson(env, new JsonObject
                {
                    ["archive"] = a.Path,
                    ["variants"] = report.Variants,
                    ["consistent"] = report.IsConsistent,
                    ["findings"] = new JsonArray([.. report.Findings.Select(f => (JsonNode)new JsonObject
                    {
                        ["kind"] = EvaluationJson.Name(f.Kind), ["subject"] = f.Subject, ["message"] = f.Message, ["repaired"] = f.Repaired,
                    })]),
                });
            }
            else
            {
                Write(env, a.Path, report, r.GetValue(repair));
            }

            return report.IsConsistent ? ExitCodes.Success : ExitCodes.Failed;
        }));
        return command;
    }

    private static void Write(CliEnvironment env, string path, FsckReport report, bool repaired)
    {
        if (report.Findings.Count > 0)
        {
            var table = ArchiveText.Table("finding", "subject", "repaired", "message");
            foreach (var f in report.Findings)
            {
                ArchiveText.AddRow(table, EvaluationJson.Name(f.Kind), f.Subject, f.Repaired ? "yes" : "no", f.Message);
            }

            env.Console.Write(table);
        }

        var left = report.Findings.Count(f => !f.Repaired);
        env.Console.WriteLine(
            $"{path}: {report.Variants} variant{(report.Variants == 1 ? "" : "s")}, {report.Findings.Count} finding{(report.Findings.Count == 1 ? "" : "s")}, "
            + (left == 0 ? "consistent" : $"{left} not repaired"));
        if (left > 0)
        {
            env.Error.WriteLine(repaired
                ? "error: the archive is still inconsistent: what is left holds data fsck does not delete (see the findings above)."
                : "error: the archive is inconsistent; 'evolver archive fsck --repair' repairs what can be repaired.");
        }
    }
}
