using System.Globalization;
using Evolver.Archive;
using Evolver.Core;
using Spectre.Console;

namespace Evolver.Cli;

/// <summary>The lines printed when a session of a run ends: how it ended, the best variant against the seed and its lineage, where things are.</summary>
internal static class RunSummary
{
    public static void Write(
        CliEnvironment env, RunState state, string archive, string plot, string log, Func<string, IReadOnlyList<TaskRecord>?>? tasks = null, IReadOnlyList<string>? confirmation = null)
    {
        var ended = state.Status switch
        {
            RunStatus.Finished => $"run finished: the {state.EndedBy ?? "(none)"} budget ended it",
            RunStatus.Interrupted => $"run interrupted; continue it with: evolver resume {archive}",
            RunStatus.Failed => $"run stopped: {state.Error}; fix the cause, then: evolver resume {archive}",
            _ => "run still marked running",
        };
        env.Console.WriteLine(ended);
        WriteBest(env, state, tasks);
        foreach (var line in confirmation ?? [])
        {
            env.Console.WriteLine(line);
        }

        env.Console.WriteLine($"archive: {archive} (browse it: evolver archive ls --archive {archive} --sort score --desc)");
        env.Console.WriteLine($"plot: {plot}");
        env.Console.WriteLine($"log: {log}");
    }

    /// <summary>
    /// Children archived and admitted, the seed's score against the best variant's, the tasks on which they differ (when
    /// <paramref name="tasks"/> can read their records), and the best one's lineage from its seed.
    /// </summary>
    public static void WriteBest(CliEnvironment env, RunState state, Func<string, IReadOnlyList<TaskRecord>?>? tasks = null)
    {
        var children = state.History.Count(h => h.Kind == ChildKind.Child);
        env.Console.WriteLine(
            $"iterations {state.Iterations}, children archived {children}, admitted {state.History.Count(h => h.Kind == ChildKind.Child && h.Admitted)}");
        var seed = state.History.Where(h => h.Kind == ChildKind.Seed && h.Status == VariantStatus.Evaluated).MaxBy(h => h.Score);
        if (seed is not null)
        {
            env.Console.WriteLine($"seed: {seed.Id} score {Score(seed)}");
        }

        if (state.Best is not { } best)
        {
            return;
        }

        var verdict = seed is null ? ""
            : best.Score > seed.Score ? $", improved on the seed by {(best.Score - seed.Score).ToString("0.###", CultureInfo.InvariantCulture)}"
            : ", no improvement on the seed";
        env.Console.WriteLine($"best: {best.Id} score {Score(best)}{verdict}");
        if (best.Kind == ChildKind.Child)
        {
            if (seed is not null && tasks?.Invoke(seed.Id) is { } seedTasks && tasks(best.Id) is { } bestTasks)
            {
                env.Console.WriteLine(Difference(seedTasks, bestTasks));
            }

            env.Console.WriteLine("lineage: " + string.Join(" -> ", Lineage(state, best).Select(h => $"{h.Id} {Score(h)}")));
            env.Console.WriteLine($"its changes: evolver archive lineage {best.Id}; its code: evolver archive diff {best.Id}");
        }
    }

    /// <summary>Reads a variant's task records from <paramref name="archive"/>; null when its record cannot be read.</summary>
    public static Func<string, IReadOnlyList<TaskRecord>?> TasksIn(AgentArchive archive) => id =>
    {
        try
        {
            return archive.GetVariant(id).Evaluation.Tasks;
        }
        catch (ArchiveException)
        {
            return null;
        }
    };

    /// <summary>
    /// Where the seed and the best differ, task by task, on the tasks both ran (the same tasks in the same order unless
    /// the run shuffles per child), so a reader can tell a real gain from a task that flipped near its time limit.
    /// </summary>
    private static string Difference(IReadOnlyList<TaskRecord> seed, IReadOnlyList<TaskRecord> best)
    {
        var seedTasks = seed.ToDictionary(t => t.InstanceId, StringComparer.Ordinal);
        var seedResolved = seed.ToDictionary(t => t.InstanceId, t => t.Resolved, StringComparer.Ordinal);
        var both = best.Where(t => seedResolved.ContainsKey(t.InstanceId)).ToList();

        // Each changed task with both runs' times: a task decided near its time limit can flip with the machine's load alone.
        string Times(TaskRecord b) => $"{b.InstanceId} ({Seconds(seedTasks[b.InstanceId].Duration)} -> {Seconds(b.Duration)})";
        var gained = both.Where(t => t.Resolved && !seedResolved[t.InstanceId]).Select(Times).ToList();
        var lost = both.Where(t => !t.Resolved && seedResolved[t.InstanceId]).Select(Times).ToList();
        return $"on the {both.Count} tasks both ran: seed {both.Count(t => seedResolved[t.InstanceId])}/{both.Count}, best {both.Count(t => t.Resolved)}/{both.Count}; "
            + $"the best resolves {(gained.Count == 0 ? "none" : string.Join(", ", gained))} that the seed did not, "
            + $"and misses {(lost.Count == 0 ? "none" : string.Join(", ", lost))} that the seed resolved";
    }

    /// <summary>The first-parent chain from the seed down to <paramref name="variant"/>, as far as the run's history knows it.</summary>
    private static List<RunHistoryEntry> Lineage(RunState state, RunHistoryEntry variant)
    {
        var byId = state.History.GroupBy(h => h.Id, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Last(), StringComparer.Ordinal);
        var chain = new List<RunHistoryEntry> { variant };
        var seen = new HashSet<string>(StringComparer.Ordinal) { variant.Id };
        while (chain[^1].Parents.Count > 0 && byId.TryGetValue(chain[^1].Parents[0], out var parent) && seen.Add(parent.Id))
        {
            chain.Add(parent);
        }

        chain.Reverse();
        return chain;
    }

    private static string Seconds(TimeSpan t) => t.TotalSeconds.ToString("0", CultureInfo.InvariantCulture) + " s";

    private static string Score(RunHistoryEntry h) =>
        $"{h.Score.ToString("0.###", CultureInfo.InvariantCulture)} ({h.Resolved}/{h.Tasks})";
}
