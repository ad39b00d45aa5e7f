using Evolver.Core;
using Spectre.Console;

namespace Evolver.Cli;

/// <summary>Shows a suite evaluation: a live progress bar while it runs, then a table of the tasks and a summary line.</summary>
internal static class EvaluationView
{
    /// <summary>Runs <paramref name="run"/> under a progress bar: tasks done of all, resolved so far, tasks running.</summary>
    /// <param name="console">Where the bar is drawn.</param>
    /// <param name="title">What is being evaluated, such as "gold on evolver".</param>
    /// <param name="total">How many tasks will run.</param>
    /// <param name="run">The evaluation, reporting each task's start and end.</param>
    public static Task<EvaluationReport> RunAsync(
        IAnsiConsole console, string title, int total, Func<IProgress<EvaluationProgress>, Task<EvaluationReport>> run)
    {
        var running = new SortedSet<string>(StringComparer.Ordinal);
        int done = 0, resolved = 0;
        return ProgressDisplay.RunAsync(console, title, updates => run(new CallbackProgress<EvaluationProgress>(e =>
        {
            string? finished = null;
            if (e.Result is not { } r)
            {
                running.Add(e.InstanceId);
            }
            else
            {
                running.Remove(e.InstanceId);
                done++;
                resolved += r.Resolved ? 1 : 0;
                finished = $"{r.InstanceId}: {JsonName(r.Outcome)} in {Time(r.Duration)} ({resolved} resolved so far)";
            }

            var now = running.Count == 0 ? "" : " · running " + string.Join(", ", running);
            updates.Report(new ProgressUpdate(done, total, $"{done}/{total} done, {resolved} resolved{now}", finished));
        })));
    }

    /// <summary>Writes the table of tasks (outcome, time, reason) and the summary line.</summary>
    public static void WriteResults(IAnsiConsole console, EvaluationReport report)
    {
        var table = new Table().Border(TableBorder.Simple)
            .AddColumn("task")
            .AddColumn("outcome")
            .AddColumn(new TableColumn("time").RightAligned())
            .AddColumn("reason");
        foreach (var r in report.Results)
        {
            table.AddRow(
                new Text(r.InstanceId),
                new Markup($"[{Colour(r.Outcome)}]{JsonName(r.Outcome)}[/]"),
                new Text(Time(r.Duration)),
                new Text(Brief(r.Reason, 240)));
        }

        console.Write(table);
        console.WriteLine(Summary(report));
    }

    /// <summary>One line on what the agent used through the LLM gateway, and which caps refused it.</summary>
    public static void WriteLlmUsage(IAnsiConsole console, EvaluationReport report)
    {
        var usage = report.Results.Select(r => r.Llm).OfType<GatewayUsage>().ToList();
        var caps = usage.SelectMany(u => u.CapsHit).Distinct(StringComparer.Ordinal).ToList();
        console.WriteLine(string.Create(
            System.Globalization.CultureInfo.InvariantCulture,
            $"LLM through the gateway: {usage.Sum(u => u.Calls)} calls, {usage.Sum(u => u.InputTokens)} tokens in, {usage.Sum(u => u.OutputTokens)} out, ${usage.Sum(u => u.CostUsd):0.####}")
            + (caps.Count == 0 ? "" : "; caps reached: " + string.Join(", ", caps)));
    }

    /// <summary>The summary line: resolved k/n = x%, wall time.</summary>
    public static string Summary(EvaluationReport report) =>
        $"{report.Agent} on {report.Suite} {report.SuiteVersion}: resolved {report.ResolvedCount}/{report.Results.Count} = "
        + $"{report.Score * 100:F1}%, wall time {Time(report.Duration)}";

    /// <summary>A duration for people: 0.8 s, 12.3 s, 2m 05s.</summary>
    public static string Time(TimeSpan t) =>
        t.TotalSeconds < 60 ? $"{t.TotalSeconds:F1} s" : $"{(int)t.TotalMinutes}m {t.Seconds:D2}s";

    /// <summary>The first line of <paramref name="text"/>, cut to <paramref name="max"/> characters; the full text is in the log and JSON.</summary>
    public static string Brief(string text, int max)
    {
        var lines = text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var first = lines.FirstOrDefault() ?? "";
        return first.Length > max ? first[..max] + "…" : lines.Length > 1 ? first + " …" : first;
    }

    private static string JsonName(TaskOutcome outcome) => EvaluationJson.Name(outcome);

    private static string Colour(TaskOutcome outcome) => outcome switch
    {
        TaskOutcome.Resolved => "green",
        TaskOutcome.HarnessError => "red",
        _ => "yellow",
    };
}
