using Xunit;

namespace Evolver.Core.Tests.Loop;

public sealed class RunProgressMathTests
{
    private static BudgetUsage Usage(double elapsedSeconds, int taskRuns = 0) => new()
    {
        Iterations = 0, TaskRuns = taskRuns, LlmTokens = 0, Dollars = 0, Elapsed = TimeSpan.FromSeconds(elapsedSeconds), RunningChildren = 0,
    };

    [Fact]
    public void Eta_IterationBudget_ExtrapolatesThePace()
    {
        // 4 children in 400 s: 100 s each, 6 to go.
        var eta = RunProgressMath.Eta(Usage(400), new BudgetLimits { Iterations = 10 }, childrenFinished: 4);

        Assert.Equal(TimeSpan.FromSeconds(600), eta);
    }

    [Fact]
    public void Eta_SeveralBudgets_TakesTheNearest()
    {
        var eta = RunProgressMath.Eta(Usage(400, taskRuns: 40), new BudgetLimits { Iterations = 10, WallClock = TimeSpan.FromMinutes(30), TaskRuns = 50 }, 4);

        // Task runs: 10 more at 10 s each = 100 s; iterations 600 s; wall clock 1400 s.
        Assert.Equal(TimeSpan.FromSeconds(100), eta);
    }

    [Fact]
    public void Eta_NoBudgetOrNoPace_IsNull()
    {
        Assert.Null(RunProgressMath.Eta(Usage(100), BudgetLimits.None, 3));
        Assert.Null(RunProgressMath.Eta(Usage(100), new BudgetLimits { Iterations = 10 }, 0));
        Assert.Equal(TimeSpan.Zero, RunProgressMath.Eta(Usage(100), new BudgetLimits { WallClock = TimeSpan.FromSeconds(60) }, 0));
    }

    [Fact]
    public void Best_IgnoresUnadmittedAndKeepsTheEarliestOnTies()
    {
        RunHistoryEntry E(string id, double score, bool admitted) =>
            new() { Id = id, Kind = ChildKind.Child, Status = VariantStatus.Evaluated, Admitted = admitted, Score = score };

        var best = RunProgressMath.Best([E("a", 0.3, true), E("b", 0.9, false), E("c", 0.5, true), E("d", 0.5, true)]);

        Assert.Equal("c", best!.Id);
        Assert.Null(RunProgressMath.Best([E("x", 1, false)]));
    }
}
