using System.Globalization;
using Evolver.Archive;
using Evolver.Core;
using Spectre.Console;
using Spectre.Console.Rendering;

namespace Evolver.Cli;

/// <summary>How the archive verbs show a variant's numbers and state in tables and trees.</summary>
internal static class ArchiveText
{
    /// <summary>The score with three decimals, or <c>-</c> when the variant has not been scored.</summary>
    public static string Score(VariantStatus status, double score) =>
        status == VariantStatus.Pending ? "-" : score.ToString("0.000", CultureInfo.InvariantCulture);

    /// <summary>A score change with its sign, or empty for a root.</summary>
    public static string Delta(double? delta) => delta switch
    {
        null => "",
        0 => "±0",
        > 0 => "+" + delta.Value.ToString("0.000", CultureInfo.InvariantCulture),
        _ => delta.Value.ToString("0.000", CultureInfo.InvariantCulture),
    };

    /// <summary>Dollars with four decimals.</summary>
    public static string Cost(double usd) => "$" + usd.ToString("0.0000", CultureInfo.InvariantCulture);

    /// <summary>Whether the variant is a failed attempt: it did not compile, broke a rule, or crashed.</summary>
    public static bool IsFailed(VariantStatus status) => status is VariantStatus.CompileFailed or VariantStatus.Rejected or VariantStatus.Crashed;

    /// <summary>The status word, with a cross for a failed attempt and a note when the variant is not admitted.</summary>
    public static string Status(VariantSummary v) =>
        (IsFailed(v.Status) ? "✗ " : "") + EvaluationJson.Name(v.Status) + (v.Admitted ? "" : ", not admitted") + (v.Issue is null ? "" : " (!)");

    /// <summary>The parent ids separated by commas, or <c>-</c> for a seed.</summary>
    public static string Parents(IReadOnlyList<string> parents) => parents.Count == 0 ? "-" : string.Join(",", parents);

    /// <summary>A table with these column headers, for plain-text rows.</summary>
    public static Table Table(params string[] columns)
    {
        var table = new Table().Border(TableBorder.Simple);
        foreach (var column in columns)
        {
            table.AddColumn(new TableColumn(new Text(column)));
        }

        return table;
    }

    /// <summary>Adds a row of plain text (never read as markup, so ids and messages with brackets print as they are).</summary>
    public static void AddRow(Table table, params string[] cells) => table.AddRow(cells.Select(c => (IRenderable)new Text(c)).ToArray());

    /// <summary>A number in invariant culture.</summary>
    public static string Number(long n) => n.ToString(CultureInfo.InvariantCulture);
}
