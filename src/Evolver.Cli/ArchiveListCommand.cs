using System.CommandLine;
using System.Text.Json.Nodes;
using Evolver.Archive;
using Evolver.Core;
using Spectre.Console;

namespace Evolver.Cli;

/// <summary><c>evolver archive ls</c>: the variants as a table, sorted and filtered by the index.</summary>
internal static class ArchiveListCommand
{
    private static readonly string[] Sorts = ["id", "score", "generation", "created", "cost", "children"];

    /// <summary>Builds the verb.</summary>
    public static Command Create(CliEnvironment env)
    {
        var archive = ArchiveAccess.ArchiveOption();
        var json = ArchiveAccess.JsonOption();
        var sort = new Option<string>("--sort") { Description = "The sort key.", DefaultValueFactory = _ => "id", HelpName = string.Join("|", Sorts) };
        sort.AcceptOnlyFromAmong(Sorts);
        var desc = new Option<bool>("--desc") { Description = "Sort in descending order." };
        var statuses = Enum.GetValues<VariantStatus>().Select(s => EvaluationJson.Name(s)).ToArray();
        var status = new Option<string?>("--status") { Description = "Only variants with this status.", HelpName = string.Join("|", statuses) };
        status.AcceptOnlyFromAmong(statuses);
        var minScore = new Option<double?>("--min-score") { Description = "Only variants scoring at least this (0 to 1).", HelpName = "X" };
        var generation = new Option<int?>("--generation") { Description = "Only variants of this generation (0 for seeds).", HelpName = "N" };
        var mutator = new Option<string?>("--mutator") { Description = "Only variants made by this mutator (gp, llm, self, seed).", HelpName = "NAME" };
        var admitted = new Option<bool>("--admitted") { Description = "Only admitted variants (the pool parents are picked from)." };
        var limit = new Option<int?>("--limit") { Description = "At most N rows.", HelpName = "N" };
        CommonOptions.AddRange(limit, 1, int.MaxValue);

        var command = new Command("ls", "List the variants: id, parents, generation, score, children, status, cost.")
        {
            archive, json, sort, desc, status, minScore, generation, mutator, admitted, limit,
        };
        command.SetAction(r =>
        {
            var query = new VariantQuery
            {
                Sort = Enum.Parse<VariantSort>(r.GetValue(sort)!, ignoreCase: true),
                Descending = r.GetValue(desc),
                Status = r.GetValue(status) is { } s ? Enum.GetValues<VariantStatus>().Single(v => EvaluationJson.Name(v) == s) : null,
                MinScore = r.GetValue(minScore),
                Generation = r.GetValue(generation),
                Mutator = r.GetValue(mutator),
                AdmittedOnly = r.GetValue(admitted),
                Limit = r.GetValue(limit),
            };
            return ArchiveAccess.Run(env, r.GetValue(archive)!, a => Run(env, a, query, r.GetValue(json)));
        });
        return command;
    }

    private static int Run(CliEnvironment env, AgentArchive archive, VariantQuery query, bool json)
    {
        var rows = archive.ListVariants(query);
        if (json)
        {
            ArchiveAccess.WriteJson(env, new JsonArray([.. rows.Select(v => (JsonNode)ArchiveJson.Summary(v))]));
            return ExitCodes.Success;
        }

        var table = ArchiveText.Table("id", "parents", "gen", "score", "children", "status", "cost", "mutator", "summary");
        foreach (var v in rows)
        {
            ArchiveText.AddRow(
                table, v.Id, ArchiveText.Parents(v.Parents), ArchiveText.Number(v.Generation), ArchiveText.Score(v.Status, v.Score),
                ArchiveText.Number(v.Children), ArchiveText.Status(v), ArchiveText.Cost(v.CostUsd), v.Mutator, v.Summary);
        }

        env.Console.Write(table);
        env.Console.WriteLine($"{rows.Count} variant{(rows.Count == 1 ? "" : "s")} in {archive.Path}");
        foreach (var v in rows.Where(v => v.Issue is not null))
        {
            env.Error.WriteLine($"warning: {v.Id}: {v.Issue}");
        }

        return ExitCodes.Success;
    }
}
