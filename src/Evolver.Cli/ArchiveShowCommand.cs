using System.CommandLine;
using System.Globalization;
using Evolver.Archive;
using Evolver.Core;
using Spectre.Console;

namespace Evolver.Cli;

/// <summary><c>evolver archive show &lt;id&gt;</c>: one variant as git holds it, its evaluation record in full.</summary>
internal static class ArchiveShowCommand
{
    /// <summary>Builds the verb.</summary>
    public static Command Create(CliEnvironment env)
    {
        var archive = ArchiveAccess.ArchiveOption();
        var json = ArchiveAccess.JsonOption();
        var id = new Argument<string>("id") { Description = "The variant's id." };
        var command = new Command("show", "Show a variant: commit, parents, score, mutation, per-task outcomes, diagnostics.") { id, archive, json };
        command.SetAction(r => ArchiveAccess.Run(env, r.GetValue(archive)!, a => Run(env, a.GetVariant(r.GetValue(id)!), r.GetValue(json))));
        return command;
    }

    private static int Run(CliEnvironment env, VariantRecord v, bool json)
    {
        if (json)
        {
            ArchiveAccess.WriteJson(env, ArchiveJson.Record(v));
            return ExitCodes.Success;
        }

        var e = v.Evaluation;
        var grid = new Grid().AddColumn().AddColumn();
        void Row(string name, string value) => grid.AddRow(new Text(name), new Text(value));
        Row("id", v.Id);
        Row("commit", v.Commit);
        Row("parents", ArchiveText.Parents(v.Parents));
        Row("generation", ArchiveText.Number(v.Generation));
        Row("created", v.CreatedAt.ToString("u", CultureInfo.InvariantCulture));
        Row("status", EvaluationJson.Name(e.Status) + (e.Admitted ? ", admitted" : ", not admitted"));
        Row("score", ArchiveText.Score(e.Status, e.Score) + (e.Tasks.Count > 0 ? $" ({e.Tasks.Count(t => t.Resolved)}/{e.Tasks.Count} tasks resolved)" : ""));
        Row("suite", e.Suite is null ? "-" : $"{e.Suite} {e.SuiteVersion}".TrimEnd());
        Row("mutator", e.Mutator);
        Row("tokens", $"{ArchiveText.Number(e.InputTokens)} in, {ArchiveText.Number(e.OutputTokens)} out");
        Row("cost", ArchiveText.Cost(e.CostUsd));
        Row("timings", e.Timings.Count == 0 ? "-" : string.Join(", ", e.Timings.Select(t => $"{t.Key} {t.Value.TotalSeconds.ToString("0.###", CultureInfo.InvariantCulture)} s")));
        Row("stages", e.Stages.Count == 0 ? "-" : string.Join(", ", e.Stages.Select(s => $"{s.Name} {s.Resolved}/{s.Tasks}{(s.Passed ? " passed" : "")}")));
        Row("flags", e.Flags.Count == 0 ? "-" : string.Join(", ", e.Flags));
        Row("logs", v.Logs ?? "-");
        env.Console.Write(grid);
        env.Console.WriteLine();
        env.Console.WriteLine("mutation:");
        env.Console.Write(new Text(Indent(e.MutationDescription.Length == 0 ? "(none)" : e.MutationDescription) + "\n"));
        if (e.Tasks.Count > 0)
        {
            var tasks = ArchiveText.Table("task", "stage", "outcome", "seconds", "reason");
            foreach (var t in e.Tasks)
            {
                ArchiveText.AddRow(
                    tasks, t.InstanceId, ArchiveText.Number(t.Stage), EvaluationJson.Name(t.Outcome),
                    t.Duration.TotalSeconds.ToString("0.0", CultureInfo.InvariantCulture), EvaluationView.Brief(t.Reason, 160));
            }

            env.Console.Write(tasks);
        }

        if (e.Diagnostics.Count > 0)
        {
            env.Console.WriteLine($"diagnostics ({e.Diagnostics.Count}):");
            env.Console.Write(new Text(string.Concat(e.Diagnostics.Select(d => Indent(d) + "\n"))));
        }

        return ExitCodes.Success;
    }

    private static string Indent(string text) => "  " + text.ReplaceLineEndings("\n  ");
}
