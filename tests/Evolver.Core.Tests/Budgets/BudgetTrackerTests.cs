using Xunit;

namespace Evolver.Core.Tests.Budgets;

public sealed class BudgetTrackerTests
{
    private readonly ManualTimeProvider clock = new();

    private BudgetTracker Tracker(BudgetLimits? run = null, BudgetLimits? child = null, BudgetLimits? task = null) =>
        new(new BudgetOptions { Run = run ?? BudgetLimits.None, PerChild = child ?? BudgetLimits.None, PerTask = task ?? BudgetLimits.None }, clock);

    [Fact]
    public void TryStartChild_IterationBudget_DeniesTheThirdAndEndsTheRun()
    {
        var tracker = Tracker(new BudgetLimits { Iterations = 2 });

        Assert.True(tracker.TryStartChild("c1").Allowed);
        Assert.True(tracker.TryStartChild("c2").Allowed);
        var third = tracker.TryStartChild("c3");

        Assert.Equal("run.iterations", third.Budget);
        Assert.True(third.EndsRun);
        Assert.Equal("run.iterations", tracker.EndedBy);
        Assert.Equal(2, tracker.Usage.Iterations);
    }

    [Fact]
    public void TryStartChild_AlreadyRunning_AllowedWithoutCounting()
    {
        var tracker = Tracker(new BudgetLimits { Iterations = 1 });

        Assert.True(tracker.TryStartChild("c1").Allowed);
        Assert.True(tracker.TryStartChild("c1").Allowed);

        Assert.Equal(1, tracker.Usage.Iterations);
        Assert.Null(tracker.EndedBy);
    }

    [Fact]
    public void CanStartChild_WallClock_AllowedJustBeforeDeniedAt()
    {
        var tracker = Tracker(new BudgetLimits { WallClock = TimeSpan.FromMinutes(10) });

        clock.Advance(TimeSpan.FromMinutes(10) - TimeSpan.FromTicks(1));
        Assert.True(tracker.CanStartChild().Allowed);
        clock.Advance(TimeSpan.FromTicks(1));

        Assert.Equal("run.wall_clock", tracker.CanStartChild().Budget);
        Assert.Equal("run.wall_clock", tracker.EndedBy);
        Assert.Equal(TimeSpan.FromMinutes(10), tracker.Usage.Elapsed);
    }

    [Fact]
    public void TryStartTaskRun_ChildTaskRunBudget_StopsOnlyThatChild()
    {
        var tracker = Tracker(child: new BudgetLimits { TaskRuns = 3 });
        tracker.TryStartChild("c1");
        tracker.TryStartChild("c2");

        foreach (var task in new[] { "t1", "t2", "t3" })
        {
            Assert.True(tracker.TryStartTaskRun("c1", task).Allowed);
            tracker.FinishTaskRun("c1", task);
        }

        Assert.Equal("child.task_runs", tracker.TryStartTaskRun("c1", "t4").Budget);
        Assert.True(tracker.TryStartTaskRun("c2", "t1").Allowed);
        Assert.Null(tracker.EndedBy);
        Assert.Equal(4, tracker.Usage.TaskRuns);
    }

    [Fact]
    public void TryStartTaskRun_RunTaskRunBudget_EndsTheRunAndBlocksNewChildren()
    {
        var tracker = Tracker(new BudgetLimits { TaskRuns = 2 });
        tracker.TryStartChild("c1");
        tracker.TryStartTaskRun("c1", "t1");
        tracker.TryStartTaskRun("c1", "t2");

        Assert.Equal("run.task_runs", tracker.TryStartTaskRun("c1", "t3").Budget);
        Assert.Equal("run.task_runs", tracker.TryStartChild("c2").Budget);
        Assert.Equal("run.task_runs", tracker.EndedBy);
    }

    [Fact]
    public void CanCallLlm_RunTokens_DeniedOnceReachedEvenByOvershoot()
    {
        var tracker = Tracker(new BudgetLimits { LlmTokens = 1000 });
        tracker.TryStartChild("c1");

        tracker.RecordLlmUsage("c1", null, 600, 0.01);
        Assert.True(tracker.CanCallLlm("c1").Allowed);
        tracker.RecordLlmUsage("c1", null, 700, 0.01);

        Assert.Equal("run.llm_tokens", tracker.CanCallLlm("c1").Budget);
        Assert.Equal(1300, tracker.Usage.LlmTokens);
        Assert.Equal("run.llm_tokens", tracker.EndedBy);
    }

    [Fact]
    public void CanCallLlm_TaskTokens_StopsThatTaskOnly()
    {
        var tracker = Tracker(task: new BudgetLimits { LlmTokens = 100 });
        tracker.TryStartChild("c1");
        tracker.TryStartTaskRun("c1", "a");
        tracker.TryStartTaskRun("c1", "b");

        tracker.RecordLlmUsage("c1", "a", 100, 0);

        Assert.Equal("task.llm_tokens", tracker.CanCallLlm("c1", "a").Budget);
        Assert.True(tracker.CanCallLlm("c1", "b").Allowed);
        Assert.True(tracker.CanCallLlm("c1").Allowed);
        Assert.Null(tracker.EndedBy);
    }

    [Fact]
    public void CanCallLlm_ChildDollars_CountsMutationAndTaskCalls()
    {
        var tracker = Tracker(child: new BudgetLimits { Dollars = 0.5 });
        tracker.TryStartChild("c1");
        tracker.TryStartTaskRun("c1", "a");

        tracker.RecordLlmUsage("c1", null, 10, 0.3);
        tracker.RecordLlmUsage("c1", "a", 10, 0.2);

        Assert.Equal("child.dollars", tracker.CanCallLlm("c1", "a").Budget);
        Assert.Equal("child.dollars", tracker.TryStartTaskRun("c1", "b").Budget);
    }

    [Fact]
    public void ChildAndTaskWallClock_CountFromTheirOwnStart()
    {
        var tracker = Tracker(child: new BudgetLimits { WallClock = TimeSpan.FromMinutes(5) }, task: new BudgetLimits { WallClock = TimeSpan.FromMinutes(2) });
        clock.Advance(TimeSpan.FromHours(1));
        tracker.TryStartChild("c1");
        clock.Advance(TimeSpan.FromMinutes(2));
        tracker.TryStartTaskRun("c1", "a");
        Assert.Equal(TimeSpan.FromMinutes(2), tracker.TimeLeft("c1", "a"));

        clock.Advance(TimeSpan.FromMinutes(2));
        Assert.Equal("task.wall_clock", tracker.CanCallLlm("c1", "a").Budget);
        Assert.Equal(TimeSpan.FromMinutes(1), tracker.TimeLeft("c1"));

        clock.Advance(TimeSpan.FromMinutes(1));
        Assert.Equal("child.wall_clock", tracker.TryStartTaskRun("c1", "b").Budget);
        Assert.Equal(TimeSpan.Zero, tracker.TimeLeft("c1", "a"));
        Assert.Null(tracker.TimeLeft());
    }

    [Fact]
    public void RecordLlmUsage_ChildNotStarted_Throws()
    {
        var tracker = Tracker();

        Assert.Throws<InvalidOperationException>(() => tracker.RecordLlmUsage("ghost", null, 1, 0));
    }

    [Fact]
    public void EndedBy_KeepsTheFirstRunBudget()
    {
        var tracker = Tracker(new BudgetLimits { Iterations = 1, Dollars = 1 });
        tracker.TryStartChild("c1");
        tracker.RecordLlmUsage("c1", null, 1, 2);

        Assert.Equal("run.dollars", tracker.CanCallLlm("c1").Budget);
        Assert.Equal("run.iterations", tracker.TryStartChild("c2").Budget);
        Assert.Equal("run.dollars", tracker.EndedBy);
    }
}
