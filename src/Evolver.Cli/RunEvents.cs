using Evolver.Core;
using Serilog;
using Serilog.Events;
using Spectre.Console;

namespace Evolver.Cli;

/// <summary>Writes the loop's events to the run log, and on a log or pipe (no live view) the main ones as lines too.</summary>
internal static class RunEvents
{
    public static void Write(CliEnvironment env, ILogger log, RunEvent e, bool interactive)
    {
        var level = e.Kind == RunEventKind.Warning ? LogEventLevel.Warning : e.Kind == RunEventKind.TaskFinished ? LogEventLevel.Debug : LogEventLevel.Information;
        log.Write(level, "{Kind} {Child}: {Message}", e.Kind, e.ChildId, e.Message);
        if (e.Entry is { } entry)
        {
            log.Information(
                "Finished {Id} ({Kind}, iteration {Iteration}, {Mutator} from {Parents}): {Status}, admitted {Admitted}, score {Score}, {Resolved}/{Tasks} in {Seconds:F1} s",
                entry.Id, entry.Kind, entry.Iteration, entry.Mutator, entry.Parents, entry.Status, entry.Admitted, entry.Score, entry.Resolved, entry.Tasks, entry.Duration.TotalSeconds);
        }

        // Warnings reach standard error through the log; the live view shows the rest on a terminal.
        if (!interactive && e.Kind is not (RunEventKind.Warning or RunEventKind.TaskFinished))
        {
            env.Console.WriteLine($"{env.Time.GetLocalNow():HH:mm:ss} {e.Message}");
        }
    }
}
