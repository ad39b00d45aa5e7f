using System.Globalization;
using Evolver.Core;
using Spectre.Console;
using Spectre.Console.Rendering;

namespace Evolver.Cli;

/// <summary>
/// The live view of a run on a terminal: iteration, best score and variant, the budgets used, the ETA, and a table of
/// the jobs running with their phase and stage. On a log or pipe it writes one line per event instead.
/// </summary>
internal static class RunView
{
    /// <summary>Runs <paramref name="run"/>, redrawing the view every second from <paramref name="loop"/>'s snapshot.</summary>
    public static async Task<RunState> RunAsync(CliEnvironment env, EvolutionLoop loop, string archive, Func<Task<RunState>> run)
    {
        if (!env.Console.Profile.Capabilities.Interactive)
        {
            return await run().ConfigureAwait(false);
        }

        RunState? state = null;
        await env.Console.Live(new Text("starting the run…")).AutoClear(false).StartAsync(async ctx =>
        {
            var task = run();
            while (!task.IsCompleted)
            {
                if (loop.Snapshot() is { } snapshot)
                {
                    ctx.UpdateTarget(Render(snapshot, archive));
                }

                await Task.WhenAny(task, Task.Delay(TimeSpan.FromSeconds(1), env.Time)).ConfigureAwait(false);
            }

            if (loop.Snapshot() is { } last)
            {
                ctx.UpdateTarget(Render(last, archive));
            }

            state = await task.ConfigureAwait(false);
        }).ConfigureAwait(false);
        return state!;
    }

    /// <summary>The view of one snapshot.</summary>
    public static IRenderable Render(RunSnapshot s, string archive)
    {
        var best = s.Best is { } b ? $"best [green]{b.Id}[/] {b.Score:0.###} ({b.Resolved}/{b.Tasks})" : "best -";
        var seed = s.SeedScore is { } seedScore ? $" · seed {seedScore:0.###}" : "";
        var eta = s.Eta is { } e ? " · ETA " + Time(e) : "";
        var header = new Markup(
            $"[bold]evolver run[/] {Markup.Escape(archive)}\n"
            + $"iteration {s.Iterations}{Limit(s.Budgets.Run.Iterations)} · finished {s.Finished} · {best}{seed}{eta}\n"
            + $"[grey]budget:[/] {Markup.Escape(Budget(s.Usage, s.Budgets.Run))}");
        var table = new Table().Border(TableBorder.Simple).AddColumns("job", "parents", "mutator", "phase", "stage", "tasks", "resolved", "time");
        foreach (var r in s.Running)
        {
            table.AddRow(
                Markup.Escape(r.Id), Markup.Escape(r.Parents.Count == 0 ? "(seed)" : string.Join("+", r.Parents)), Markup.Escape(r.Mutator),
                r.Phase, Markup.Escape(r.Stage ?? "-"), r.TasksPlanned == 0 ? "-" : $"{r.TasksDone}/{r.TasksPlanned}", r.Resolved.ToString(CultureInfo.InvariantCulture),
                Time(r.Elapsed));
        }

        return new Rows(header, s.Running.Count == 0 ? new Text("no job running") : table);
    }

    /// <summary>The run budgets used, against their limits.</summary>
    public static string Budget(BudgetUsage u, BudgetLimits limits)
    {
        var parts = new List<string>
        {
            $"iterations {u.Iterations}{Limit(limits.Iterations)}",
            $"wall clock {Time(u.Elapsed)}{(limits.WallClock is { } w ? "/" + Time(w) : "")}",
            $"task runs {u.TaskRuns}{Limit(limits.TaskRuns)}",
        };
        if (u.LlmTokens > 0 || limits.LlmTokens is not null)
        {
            parts.Add($"LLM tokens {u.LlmTokens}{Limit(limits.LlmTokens)}");
        }

        if (u.Dollars > 0 || limits.Dollars is not null)
        {
            parts.Add(string.Create(CultureInfo.InvariantCulture, $"${u.Dollars:0.00}{(limits.Dollars is { } d ? $"/${d:0.00}" : "")}"));
        }

        return string.Join(" · ", parts);
    }

    /// <summary>A duration for people: 42s, 3m 05s, 2h 10m.</summary>
    public static string Time(TimeSpan t) =>
        t.TotalHours >= 1 ? $"{(int)t.TotalHours}h {t.Minutes:D2}m" : t.TotalMinutes >= 1 ? $"{(int)t.TotalMinutes}m {t.Seconds:D2}s" : $"{(int)t.TotalSeconds}s";

    private static string Limit(long? limit) => limit is { } l ? "/" + l.ToString(CultureInfo.InvariantCulture) : "";
}
