using Evolver.Core;
using Evolver.Suites;
using Serilog;
using Spectre.Console;

namespace Evolver.Cli;

/// <summary>One import of an upstream benchmark into a native suite, with progress and a table of what became of each task.</summary>
internal static class ImportRun
{
    /// <summary>The image family the tasks of <paramref name="format"/> run in.</summary>
    public static string ImageFamily(SuiteFormat format) => format == SuiteFormat.ExercismCsharp ? "evolver-dotnet" : "evolver-python";

    /// <summary>Imports as <paramref name="options"/> says, showing progress, then the table of tasks and a summary line.</summary>
    public static async Task<ImportReport> RunAsync(CliEnvironment env, ILogger log, ISandbox sandbox, ImportOptions options, CancellationToken ct)
    {
        log.Information("Importing {From} into {Out} ({Format}), {Parallel} at a time", options.From, options.Out, options.Format, options.Parallelism);
        int imported = 0, skipped = 0, failed = 0;
        var importer = new SuiteImporter(env.Time);
        var report = await ProgressDisplay.RunAsync(
            env.Console,
            $"import {Path.GetFileName(Path.TrimEndingDirectorySeparator(options.From))}",
            updates => importer.ImportAsync(options, sandbox, new CallbackProgress<ImportProgress>(p =>
            {
                var t = p.Task;
                _ = t.Status switch { ImportStatus.Imported => imported++, ImportStatus.Skipped => skipped++, _ => failed++ };
                log.Information("Import of {Task}: {Status}: {Reason}", t.InstanceId, t.Status, t.Reason);
                updates.Report(new ProgressUpdate(
                    p.Completed,
                    p.Total,
                    $"{p.Completed}/{p.Total} done, {imported} imported, {skipped} skipped, {failed} failed",
                    $"{t.InstanceId}: {EvaluationJson.Name(t.Status)} in {EvaluationView.Time(t.Duration)}"));
            }), ct)).ConfigureAwait(false);

        if (report.Tasks.Count > 0)
        {
            WriteTable(env.Console, report);
        }

        var summary = report.Succeeded
            ? $"imported {report.Imported.Count()} of {report.Tasks.Count} tasks into {report.OutDirectory} "
                + $"(suite {report.SuiteName} {report.SuiteVersion}), skipped {report.Skipped.Count()}, wall time {EvaluationView.Time(report.Duration)}"
            : $"import failed: {report.Error}";
        log.Information("{Summary}", summary);
        if (report.Succeeded)
        {
            env.Console.WriteLine(summary);
        }

        return report;
    }

    private static void WriteTable(IAnsiConsole console, ImportReport report)
    {
        var table = new Table().Border(TableBorder.Simple)
            .AddColumn("task")
            .AddColumn("status")
            .AddColumn(new TableColumn("time").RightAligned())
            .AddColumn("reason");
        foreach (var t in report.Tasks)
        {
            var ok = t.Status == ImportStatus.Imported;
            table.AddRow(
                new Text(t.InstanceId),
                new Markup(ok ? "[green]imported[/]" : t.Status == ImportStatus.Skipped ? "[yellow]skipped[/]" : "[red]failed[/]"),
                new Text(t.Reused ? "reused" : EvaluationView.Time(t.Duration)),
                new Text(EvaluationView.Brief(t.Reason, 240)));
        }

        console.Write(table);
    }
}
