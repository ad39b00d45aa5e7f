using Xunit;

namespace Evolver.Core.Tests.Budgets;

public sealed class BudgetTrackerStateTests
{
    private static readonly BudgetOptions Options = new()
    {
        Run = new BudgetLimits { Iterations = 10, WallClock = TimeSpan.FromHours(8), Dollars = 1.0 },
        PerChild = new BudgetLimits { TaskRuns = 3 },
        PerTask = new BudgetLimits { LlmTokens = 500 },
    };

    [Fact]
    public void Restore_SavedMidRun_ContinuesEveryCountExactly()
    {
        var firstClock = new ManualTimeProvider();
        var first = new BudgetTracker(Options, firstClock);
        first.TryStartChild("c1");
        first.TryStartTaskRun("c1", "t1");
        first.RecordLlmUsage("c1", "t1", 300, 0.1);
        first.RecordLlmUsage("c1", null, 11, 0.2);
        first.TryStartTaskRun("c1", "t2");
        first.FinishTaskRun("c1", "t1");
        firstClock.Advance(TimeSpan.FromMinutes(90));
        var saved = first.SaveState();

        // A new process: its clock starts elsewhere; the run's time goes on from 90 minutes.
        var secondClock = new ManualTimeProvider();
        secondClock.Advance(TimeSpan.FromDays(3));
        var resumed = BudgetTracker.Restore(Options, secondClock, saved);
        secondClock.Advance(TimeSpan.FromMinutes(30));

        var usage = resumed.Usage;
        Assert.Equal(1, usage.Iterations);
        Assert.Equal(2, usage.TaskRuns);
        Assert.Equal(311, usage.LlmTokens);
        Assert.Equal(0.1 + 0.2, usage.Dollars);
        Assert.Equal(TimeSpan.FromHours(2), usage.Elapsed);
        Assert.Equal(1, usage.RunningChildren);

        // The running child and task run carry their counts: t2 is redone without counting, t1's tokens stay.
        Assert.True(resumed.TryStartTaskRun("c1", "t2").Allowed);
        Assert.True(resumed.TryStartTaskRun("c1", "t3").Allowed);
        Assert.Equal("child.task_runs", resumed.TryStartTaskRun("c1", "t4").Budget);
        Assert.Equal(3, resumed.Usage.TaskRuns);
    }

    [Fact]
    public void SaveState_RestoredAndSavedAgain_IsTheSameJson()
    {
        var clock = new ManualTimeProvider();
        var tracker = new BudgetTracker(Options, clock);
        tracker.TryStartChild("c1");
        tracker.TryStartTaskRun("c1", "t1");
        tracker.RecordLlmUsage("c1", "t1", 7, 0.1 + 0.2);
        clock.Advance(TimeSpan.FromTicks(123_456_789));
        var saved = tracker.SaveState();

        var again = BudgetTracker.Restore(Options, new ManualTimeProvider(), saved).SaveState();

        Assert.Equal(saved, again);
        Assert.Contains("\"llm_tokens\": 7", saved, StringComparison.Ordinal);
    }

    [Fact]
    public void Restore_EndedRun_StillEnded()
    {
        var tracker = new BudgetTracker(Options, new ManualTimeProvider());
        tracker.TryStartChild("c1");
        tracker.RecordLlmUsage("c1", null, 1, 1.5);
        tracker.CanCallLlm("c1");

        var resumed = BudgetTracker.Restore(Options, new ManualTimeProvider(), tracker.SaveState());

        Assert.Equal("run.dollars", resumed.EndedBy);
        Assert.Equal("run.dollars", resumed.TryStartChild("c2").Budget);
    }

    [Theory]
    [InlineData("not json")]
    [InlineData("{\"version\": 2}")]
    [InlineData("{\"version\": 1, \"iterations\": -1}")]
    [InlineData("null")]
    public void Restore_NotAState_ThrowsFormatException(string json)
    {
        Assert.Throws<FormatException>(() => BudgetTracker.Restore(Options, new ManualTimeProvider(), json));
    }

    [Fact]
    public void Workers_InParallel_CountEveryCallAndStopAtTheLimit()
    {
        var options = new BudgetOptions { Run = new BudgetLimits { TaskRuns = 500 } };
        var tracker = new BudgetTracker(options, new ManualTimeProvider());
        var allowed = 0;
        for (var worker = 0; worker < 8; worker++)
        {
            Assert.True(tracker.TryStartChild($"c{worker}").Allowed);
        }

        Parallel.For(0, 8, worker =>
        {
            var child = $"c{worker}";
            for (var i = 0; i < 200; i++)
            {
                tracker.RecordLlmUsage(child, null, 3, 0.25);
                if (tracker.TryStartTaskRun(child, $"t{i}").Allowed)
                {
                    Interlocked.Increment(ref allowed);
                }
            }
        });

        Assert.Equal(500, allowed);
        Assert.Equal(500, tracker.Usage.TaskRuns);
        Assert.Equal(8 * 200 * 3, tracker.Usage.LlmTokens);
        Assert.Equal(8 * 200 * 0.25, tracker.Usage.Dollars);
        Assert.Equal("run.task_runs", tracker.EndedBy);
    }
}
