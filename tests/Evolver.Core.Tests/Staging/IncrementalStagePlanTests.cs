using Xunit;

namespace Evolver.Core.Tests.Staging;

public sealed class IncrementalStagePlanTests
{
    private static readonly StagePlan Plan = StagePlan.CreateIncremental(new IncrementalEvaluationOptions { BatchSize = 5, MaxTasks = 12 });

    [Fact]
    public void WilsonUpper_MatchesHandArithmetic()
    {
        // 0 of 5, z = 1.645: z² = 2.706025; (0 + 2.706025/10 + 1.645·√(2.706025/100)) / (1 + 2.706025/5)
        // = (0.2706025 + 1.645·0.1645) / 1.541205 = 0.541205 / 1.541205 = 0.351157.
        Assert.Equal(0.351157, WilsonBound.Upper(0, 5, 1.645), 6);

        // 1 of 10: (0.1 + 0.1353013 + 1.645·√(0.009 + 0.0067651)) / 1.2706025 = 0.441845 / 1.2706025 = 0.347745.
        Assert.Equal(0.347745, WilsonBound.Upper(1, 10, 1.645), 6);
    }

    [Fact]
    public void NoneOfFirstBatch_ParentAtForty_StopsEarly()
    {
        var decision = Plan.Decide([false, false, false, false, false], 30, reference: 0.4);

        Assert.Equal(StageStopReason.CannotBeatReference, decision.StopReason);
        Assert.Equal([new StageRecord("batch-1", 5, 0, false)], decision.Stages);
    }

    [Fact]
    public void NoneOfFirstBatch_ParentAtThirty_RunsTheNextBatch()
    {
        // U = 0.351 ≥ 0.3.
        var decision = Plan.Decide([false, false, false, false, false], 30, reference: 0.3);

        Assert.False(decision.Finished);
        Assert.Equal(5, decision.NextTasks);
        Assert.Equal(1, decision.NextStage);
    }

    [Fact]
    public void TwoOfTen_ParentAtHalf_StopsAfterSecondBatch()
    {
        // After 5: 1 of 5 gives U = 0.565 ≥ 0.5, go on. After 10: 2 of 10 gives U = 0.459 < 0.5, stop.
        bool[] outcomes = [true, false, false, false, false, true, false, false, false, false];

        var decision = Plan.Decide(outcomes, 30, reference: 0.5);

        Assert.Equal(StageStopReason.CannotBeatReference, decision.StopReason);
        Assert.Equal([new StageRecord("batch-1", 5, 1, true), new StageRecord("batch-2", 5, 1, false)], decision.Stages);
    }

    [Fact]
    public void MaxTasks_LastBatchIsShortAndEndsTheEvaluation()
    {
        bool[] ten = [.. Enumerable.Repeat(true, 10)];
        Assert.Equal(2, Plan.Decide(ten, 30, reference: 0.9).NextTasks);

        var decision = Plan.Decide([.. ten, false, false], 30, reference: 0.9);

        Assert.Equal(StageStopReason.Completed, decision.StopReason);
        Assert.Equal(["batch-1", "batch-2", "batch-3"], decision.Stages.Select(s => s.Name));
        Assert.Equal(2, decision.Stages[^1].Tasks);
    }

    [Fact]
    public void NoCap_RunsTheWholeSuite()
    {
        var plan = StagePlan.CreateIncremental(new IncrementalEvaluationOptions { BatchSize = 4, MaxTasks = null });

        var decision = plan.Decide([.. Enumerable.Repeat(true, 8)], 9);

        Assert.Equal(1, decision.NextTasks);
        Assert.Equal(2, decision.NextStage);
    }

    [Fact]
    public void CreateIncremental_BadBatch_NamesTheSetting()
    {
        var error = Assert.Throws<ArgumentException>(() => StagePlan.CreateIncremental(new IncrementalEvaluationOptions { BatchSize = 0 }));

        Assert.Equal("BatchSize", error.ParamName);
    }
}
