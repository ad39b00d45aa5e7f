using Xunit;

namespace Evolver.Core.Tests.Staging;

public sealed class StagePlanTests
{
    private static bool[] Outcomes(int resolved, int total) => [.. Enumerable.Range(0, total).Select(i => i < resolved)];

    [Fact]
    public void Dgm_NothingRunYet_RunsTheTenScreeningTasks()
    {
        var decision = StagePlan.Dgm.Decide([], 100);

        Assert.False(decision.Finished);
        Assert.Equal(10, decision.NextTasks);
        Assert.Equal(0, decision.NextStage);
        Assert.Empty(decision.Stages);
    }

    [Fact]
    public void WithoutEarlyStop_DgmThreeOfTenResolved_GoesOnToTheFullStageAndEndsThere()
    {
        var seedPlan = StagePlan.Dgm.WithoutEarlyStop();

        var next = seedPlan.Decide(Outcomes(3, 10), 20);
        var done = seedPlan.Decide(Outcomes(3, 20), 20);

        Assert.Equal((false, 10, 1), (next.Finished, next.NextTasks, next.NextStage));
        Assert.Equal(StageStopReason.Completed, done.StopReason);
        Assert.Equal([new StageRecord("screen", 10, 3, true), new StageRecord("full", 10, 0, true)], done.Stages);
        Assert.Equal(StageStopReason.BelowThreshold, StagePlan.Dgm.Decide(Outcomes(3, 10), 20).StopReason);
    }

    [Fact]
    public void Dgm_ThreeOfTenResolved_StopsBelowThreshold()
    {
        var decision = StagePlan.Dgm.Decide(Outcomes(3, 10), 100);

        Assert.Equal(StageStopReason.BelowThreshold, decision.StopReason);
        Assert.Equal(0, decision.NextTasks);
        Assert.Equal([new StageRecord("screen", 10, 3, false)], decision.Stages);
    }

    [Fact]
    public void Dgm_FourOfTenResolved_GoesOnWithFiftyMore()
    {
        var decision = StagePlan.Dgm.Decide(Outcomes(4, 10), 100);

        Assert.False(decision.Finished);
        Assert.Equal(50, decision.NextTasks);
        Assert.Equal(1, decision.NextStage);
        Assert.Equal([new StageRecord("screen", 10, 4, true)], decision.Stages);
    }

    [Fact]
    public void Dgm_SixtyRun_Completed()
    {
        var outcomes = Outcomes(4, 10).Concat(Outcomes(20, 50)).ToArray();

        var decision = StagePlan.Dgm.Decide(outcomes, 100);

        Assert.Equal(StageStopReason.Completed, decision.StopReason);
        Assert.Equal([new StageRecord("screen", 10, 4, true), new StageRecord("full", 50, 20, true)], decision.Stages);
    }

    [Fact]
    public void Dgm_InterruptedMidScreen_RunsTheRestOfIt()
    {
        var decision = StagePlan.Dgm.Decide(Outcomes(2, 6), 100);

        Assert.Equal(4, decision.NextTasks);
        Assert.Equal(0, decision.NextStage);
        Assert.Equal([new StageRecord("screen", 6, 2, false)], decision.Stages);
    }

    [Fact]
    public void Dgm_SuiteOfTwentyFive_FullStageTakesWhatIsLeft()
    {
        Assert.Equal(15, StagePlan.Dgm.Decide(Outcomes(5, 10), 25).NextTasks);

        var done = StagePlan.Dgm.Decide(Outcomes(5, 10).Concat(Outcomes(1, 15)).ToArray(), 25);

        Assert.Equal(StageStopReason.Completed, done.StopReason);
        Assert.Equal(new StageRecord("full", 15, 1, true), done.Stages[^1]);
    }

    [Fact]
    public void Dgm_SuiteSmallerThanScreen_CompletesAfterIt()
    {
        Assert.Equal(8, StagePlan.Dgm.Decide([], 8).NextTasks);

        var decision = StagePlan.Dgm.Decide(Outcomes(0, 8), 8);

        Assert.Equal(StageStopReason.Completed, decision.StopReason);
        Assert.Equal([new StageRecord("screen", 8, 0, false)], decision.Stages);
    }

    [Fact]
    public void Fixed_ThresholdIsOverAllTasksSoFar()
    {
        var plan = StagePlan.Create([new("a", 2, 0.5), new("b", 2, 0.5), new("c", 2)]);

        // a: 1 of 2 = 0.5 goes on; after b: 1 of 4 = 0.25 < 0.5 stops, though b alone scored 0.
        var decision = plan.Decide([true, false, false, false], 10);

        Assert.Equal(StageStopReason.BelowThreshold, decision.StopReason);
        Assert.Equal([new StageRecord("a", 2, 1, true), new StageRecord("b", 2, 0, false)], decision.Stages);
    }

    [Fact]
    public void All_RunsEveryTaskAtOnce()
    {
        Assert.Equal(37, StagePlan.All.Decide([], 37).NextTasks);
        Assert.Equal(StageStopReason.Completed, StagePlan.All.Decide(Outcomes(0, 37), 37).StopReason);
    }

    [Fact]
    public void Decide_MoreOutcomesThanPlanned_Throws()
    {
        Assert.Throws<ArgumentException>(() => StagePlan.Dgm.Decide(Outcomes(5, 61), 100));
    }

    [Theory]
    [InlineData("screen", 0, 0.4)]
    [InlineData("screen", 10, 1.5)]
    [InlineData("", 10, 0.4)]
    public void Create_BadStage_Throws(string name, int tasks, double threshold)
    {
        Assert.Throws<ArgumentException>(() => StagePlan.Create([new(name, tasks, threshold)]));
    }

    [Fact]
    public void Create_RepeatedNameOrNoStage_Throws()
    {
        Assert.Throws<ArgumentException>(() => StagePlan.Create([new("a", 1), new("a", 1)]));
        Assert.Throws<ArgumentException>(() => StagePlan.Create([]));
    }

    [Fact]
    public void OrderTasks_SameSeed_SameOrderWhateverTheListingOrder()
    {
        string[] ids = ["e", "b", "a", "d", "c", "f", "g", "h"];

        var first = StagePlan.OrderTasks(ids, 17);
        var second = StagePlan.OrderTasks([.. ids.Reverse()], 17);

        Assert.Equal(first, second);
        Assert.Equal(ids.Order(StringComparer.Ordinal), first.Order(StringComparer.Ordinal));
        Assert.NotEqual(first, StagePlan.OrderTasks(ids, 18));
    }
}
