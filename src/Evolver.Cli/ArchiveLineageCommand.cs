using System.CommandLine;
using System.Text.Json.Nodes;
using Evolver.Core;

namespace Evolver.Cli;

/// <summary><c>evolver archive lineage &lt;id&gt;</c>: the first-parent chain from a seed to the variant, with each step's score change.</summary>
internal static class ArchiveLineageCommand
{
    /// <summary>Builds the verb.</summary>
    public static Command Create(CliEnvironment env)
    {
        var archive = ArchiveAccess.ArchiveOption();
        var json = ArchiveAccess.JsonOption();
        var id = new Argument<string>("id") { Description = "The variant's id." };
        var command = new Command("lineage", "Show a variant's ancestors, from its seed, with the score change at each step.") { id, archive, json };
        command.SetAction(r => ArchiveAccess.Run(env, r.GetValue(archive)!, a =>
        {
            var steps = a.Lineage(r.GetValue(id)!);

            // A change from or to a variant not scored yet would compare a real score with a placeholder 0.
            double? Change(int i) => i > 0 && steps[i].Variant.Status != VariantStatus.Pending && steps[i - 1].Variant.Status != VariantStatus.Pending
                ? steps[i].ScoreDelta
                : null;
            if (r.GetValue(json))
            {
                ArchiveAccess.WriteJson(env, new JsonArray([.. steps.Select((s, i) =>
                {
                    var node = ArchiveJson.Summary(s.Variant);
                    node["score_delta"] = Change(i);
                    return (JsonNode)node;
                })]));
                return ExitCodes.Success;
            }

            var table = ArchiveText.Table("step", "id", "gen", "score", "change", "status", "mutator", "summary");
            for (var i = 0; i < steps.Count; i++)
            {
                var v = steps[i].Variant;
                ArchiveText.AddRow(
                    table, ArchiveText.Number(i), v.Id, ArchiveText.Number(v.Generation), ArchiveText.Score(v.Status, v.Score),
                    ArchiveText.Delta(Change(i)), ArchiveText.Status(v), v.Mutator, v.Summary);
            }

            env.Console.Write(table);
            return ExitCodes.Success;
        }));
        return command;
    }
}
