using System.Globalization;
using Evolver.Archive;
using Evolver.Core;
using Evolver.Mutation;
using Spectre.Console;

namespace Evolver.Cli;

/// <summary>
/// After a run, the seed and the best variant are run again side by side on the tasks where their archived outcomes
/// differ: at the same moment, so under the same load. A difference that holds there is the agents'; one that does
/// not was a task decided near its time limit. The lines go with the run's summary; nothing is archived.
/// </summary>
internal static class RunConfirmation
{
    /// <summary>At most this many differing tasks are run again: each costs two task runs past the run's budgets.</summary>
    private const int MaxTasks = 3;

    /// <summary>The confirmation's lines, or none when the best is a seed or agrees with the seed on every task both ran.</summary>
    public static async Task<IReadOnlyList<string>> RunAsync(
        CliEnvironment env, RunState state, AgentArchive archive, ISandbox sandbox, AgentBuilder builder, IReadOnlyList<SuiteSpec> suites,
        int parallelism, string work, CancellationToken ct)
    {
        var seed = state.History.Where(h => h.Kind == ChildKind.Seed && h.Status == VariantStatus.Evaluated).MaxBy(h => h.Score);
        if (seed is null || state.Best is not { Kind: ChildKind.Child } best)
        {
            return [];
        }

        var seedTasks = archive.GetVariant(seed.Id).Evaluation.Tasks.ToDictionary(t => t.InstanceId, StringComparer.Ordinal);
        var specs = Specs(suites);
        var differing = archive.GetVariant(best.Id).Evaluation.Tasks
            .Where(t => seedTasks.TryGetValue(t.InstanceId, out var s) && s.Resolved != t.Resolved && specs.ContainsKey(t.InstanceId))
            .ToList();
        if (differing.Count == 0)
        {
            return [];
        }

        var agents = new Dictionary<string, AgentArtifact>(StringComparer.Ordinal);
        foreach (var id in new[] { seed.Id, best.Id })
        {
            var source = Path.Combine(work, "confirm", id, "src");
            archive.Export(id, source);
            var build = await builder.BuildAsync(source, Path.Combine(work, "confirm", id, "bin"), ct).ConfigureAwait(false);
            if (build.Artifact is null)
            {
                return [$"confirmation skipped: {id} no longer builds: {build.Describe()}"];
            }

            agents[id] = build.Artifact;
        }

        var chosen = differing.Take(MaxTasks).ToList();
        env.Console.WriteLine($"confirming: {seed.Id} and {best.Id} side by side on {chosen.Count} of the {differing.Count} task(s) where they differed");
        var evaluator = new TaskEvaluator(sandbox, env.Time);
        using var slots = new SemaphoreSlim(parallelism);
        async Task<TaskResult?> RerunAsync(string id, string task)
        {
            await slots.WaitAsync(ct).ConfigureAwait(false);
            try
            {
                return await evaluator.EvaluateAsync(specs[task], agents[id], ct).ConfigureAwait(false);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                return null;
            }
            finally
            {
                slots.Release();
            }
        }

        var runs = chosen.Select(t => (Task: t.InstanceId, Seed: RerunAsync(seed.Id, t.InstanceId), Best: RerunAsync(best.Id, t.InstanceId))).ToList();
        await Task.WhenAll(runs.SelectMany(r => new[] { r.Seed, r.Best })).ConfigureAwait(false);
        var lines = new List<string> { "side by side, at the same moment (same load):" };
        var held = 0;
        foreach (var (task, seedRun, bestRun) in runs)
        {
            var (s, b) = (await seedRun.ConfigureAwait(false), await bestRun.ConfigureAwait(false));
            var holds = s is not null && b is not null && s.Resolved == seedTasks[task].Resolved && b.Resolved != s.Resolved;
            held += holds ? 1 : 0;
            lines.Add($"  {task}: {seed.Id} {Describe(s)}, {best.Id} {Describe(b)} -> {(holds ? "the difference holds" : "the difference does not hold")}");
        }

        lines.Add($"confirmed: {held} of {runs.Count} difference(s) between {seed.Id} and {best.Id} hold when both run at once");
        return lines;
    }

    /// <summary>Tasks by the key the run archives them under (see <c>TaskCatalog</c>): the instance id, or <c>suite/instance</c> with several suites.</summary>
    private static Dictionary<string, TaskSpec> Specs(IReadOnlyList<SuiteSpec> suites) =>
        suites.SelectMany(s => s.Tasks.Select(t => (Key: suites.Count > 1 ? s.Name + "/" + t.InstanceId : t.InstanceId, Task: t)))
            .ToDictionary(p => p.Key, p => p.Task, StringComparer.Ordinal);

    private static string Describe(TaskResult? r) => r is null
        ? "could not be run"
        : $"{(r.Resolved ? "resolved" : "unresolved")} in {r.Duration.TotalSeconds.ToString("0", CultureInfo.InvariantCulture)} s";
}
