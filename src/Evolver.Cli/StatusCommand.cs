using System.CommandLine;
using System.Globalization;
using Evolver.Archive;
using Evolver.Core;
using Spectre.Console;

namespace Evolver.Cli;

/// <summary><c>evolver status</c>: where a run stands, running or finished, read from its archive.</summary>
internal static class StatusCommand
{
    /// <summary>Builds the verb.</summary>
    public static Command Create(CliEnvironment env)
    {
        var archive = new Argument<string>("archive") { Description = "The run's archive folder.", DefaultValueFactory = _ => "./evolver-archive" };
        var json = new Option<bool>("--json") { Description = "Print the saved run state as JSON instead." };
        var last = new Option<int>("--last") { Description = "How many finished jobs to list (most recent).", DefaultValueFactory = _ => 15, HelpName = "N" };
        CommonOptions.AddRange(last, 0, 100_000);
        var command = new Command("status", "Show a run in progress or finished: iteration, best variant, budgets used, jobs in flight, recent children.") { archive, json, last };
        command.SetAction(async (r, ct) =>
        {
            var path = env.Resolve(r.GetRequiredValue(archive));
            var state = await ReadAsync(env, path, ct).ConfigureAwait(false);
            if (state is null)
            {
                return ExitCodes.Usage;
            }

            if (r.GetValue(json))
            {
                env.Out.WriteLine(state.ToJson());
                return ExitCodes.Success;
            }

            Write(env, state, path, r.GetValue(last));
            return ExitCodes.Success;
        });
        return command;
    }

    /// <summary>The run state of the archive in <paramref name="path"/>, or null after writing why there is none.</summary>
    public static async Task<RunState?> ReadAsync(CliEnvironment env, string path, CancellationToken ct)
    {
        try
        {
            using var archive = AgentArchive.Open(path, timeProvider: env.Time);
            using var store = RunStore.Open(archive, timeProvider: env.Time);
            var json = await store.ReadRunStateAsync(ct).ConfigureAwait(false);
            if (json is null)
            {
                env.Error.WriteLine($"error: {path} holds no run; start one with: evolver run --archive {path}");
                return null;
            }

            return RunState.Parse(json);
        }
        catch (Exception e) when (e is ArchiveException or FormatException)
        {
            env.Error.WriteLine("error: " + e.Message);
            return null;
        }
    }

    private static void Write(CliEnvironment env, RunState s, string path, int last)
    {
        var active = RunStore.IsRunActive(path);
        var status = s.Status switch
        {
            RunStatus.Running when active => "running",
            RunStatus.Running => "stopped without saying so (killed?); continue it with: evolver resume " + path,
            RunStatus.Finished => $"finished: the {s.EndedBy} budget ended it",
            RunStatus.Interrupted => "interrupted; continue it with: evolver resume " + path,
            _ => $"failed: {s.Error}; continue it with: evolver resume {path}",
        };
        var console = env.Console;
        console.WriteLine($"run {s.RunId} in {path}: {status}");
        console.WriteLine($"started {s.StartedAt.ToLocalTime():yyyy-MM-dd HH:mm:ss}, last saved {s.UpdatedAt.ToLocalTime():yyyy-MM-dd HH:mm:ss}, sessions {s.Sessions}");
        if (Usage(s) is { } usage)
        {
            console.WriteLine("budget: " + RunView.Budget(usage.Used, usage.Limits));
        }

        var seed = RunProgressSeed(s);
        console.WriteLine($"iteration {s.Iterations}, finished jobs {s.History.Count}"
            + (s.Best is { } b ? $", best {b.Id} {b.Score:0.###} ({b.Resolved}/{b.Tasks})" : "")
            + (seed is { } sd ? $", seed {sd:0.###}" : ""));
        if (s.InFlight.Count > 0)
        {
            console.WriteLine("in flight: " + string.Join(", ", s.InFlight.Select(p => p.Kind == ChildKind.Seed ? $"{p.Id} (seed)" : $"{p.Id} ({p.Mutator} from {string.Join("+", p.Parents)})")));
        }

        var table = new Table().Border(TableBorder.Simple).AddColumns("job", "iter", "parents", "mutator", "status", "admitted", "score", "resolved", "time", "note");
        foreach (var h in s.History.TakeLast(last))
        {
            table.AddRow(
                Markup.Escape(h.Id), h.Iteration.ToString(CultureInfo.InvariantCulture), Markup.Escape(h.Parents.Count == 0 ? "-" : string.Join("+", h.Parents)),
                Markup.Escape(h.Mutator), h.Status.ToString(), h.Admitted ? "yes" : "no", h.Score.ToString("0.###", CultureInfo.InvariantCulture), $"{h.Resolved}/{h.Tasks}",
                RunView.Time(h.Duration), Markup.Escape(EvaluationView.Brief(h.Note, 80)));
        }

        if (last > 0 && s.History.Count > 0)
        {
            console.Write(table);
        }

        var plot = Path.Combine(path, "run", "score.png");
        if (File.Exists(plot))
        {
            console.WriteLine($"plot: {plot}");
        }
    }

    private static double? RunProgressSeed(RunState s)
    {
        var seeds = s.History.Where(h => h.Kind == ChildKind.Seed && h.Status == VariantStatus.Evaluated).ToList();
        return seeds.Count == 0 ? null : seeds.Max(h => h.Score);
    }

    /// <summary>The budgets used against the limits of the saved config; null when the config is unreadable.</summary>
    private static (BudgetUsage Used, BudgetLimits Limits)? Usage(RunState s)
    {
        try
        {
            if (s.Config is not { } config || s.Budget is not { } budget)
            {
                return null;
            }

            var settings = RunSettings.Read(RunConfig.FromSaved(config));
            var tracker = BudgetTracker.Restore(settings.Budgets, TimeProvider.System, budget.GetRawText());
            return (tracker.Usage, settings.Budgets.Run);
        }
        catch (Exception e) when (e is RunConfigException or FormatException or ArgumentException)
        {
            return null;
        }
    }
}
