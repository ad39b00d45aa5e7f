using Evolver.Core;
using Spectre.Console;

namespace Evolver.Cli;

/// <summary>The lines printed when a session of a run ends: how it ended, the best variant against the seed, where things are.</summary>
internal static class RunSummary
{
    public static void Write(CliEnvironment env, RunState state, string archive, string plot, string log)
    {
        var ended = state.Status switch
        {
            RunStatus.Finished => $"run finished: the {state.EndedBy ?? "(none)"} budget ended it",
            RunStatus.Interrupted => $"run interrupted; continue it with: evolver resume {archive}",
            RunStatus.Failed => $"run stopped: {state.Error}; fix the cause, then: evolver resume {archive}",
            _ => "run still marked running",
        };
        env.Console.WriteLine(ended);
        var children = state.History.Count(h => h.Kind == ChildKind.Child);
        var seed = state.History.Where(h => h.Kind == ChildKind.Seed && h.Status == VariantStatus.Evaluated).MaxBy(h => h.Score);
        var best = state.Best;
        env.Console.WriteLine(
            $"iterations {state.Iterations}, children archived {children}, admitted {state.History.Count(h => h.Kind == ChildKind.Child && h.Admitted)}");
        if (best is not null)
        {
            var gain = seed is null ? "" : $" (seed {seed.Id} {seed.Score:0.###}, {(best.Score > seed.Score ? "improved by " + (best.Score - seed.Score).ToString("0.###", System.Globalization.CultureInfo.InvariantCulture) : "no improvement")})";
            env.Console.WriteLine($"best: {best.Id} score {best.Score:0.###} ({best.Resolved}/{best.Tasks}){gain}");
        }

        env.Console.WriteLine($"archive: {archive}");
        env.Console.WriteLine($"plot: {plot}");
        env.Console.WriteLine($"log: {log}");
    }
}
