using Xunit;

namespace Evolver.Core.Tests.Staging;

public sealed class AdmissionPolicyTests
{
    private static EvaluationRecord Child(double score, params TaskOutcome[] outcomes) => new()
    {
        Status = VariantStatus.Evaluated,
        Admitted = false,
        Score = score,
        Tasks = [.. outcomes.Select((o, i) => new TaskRecord { InstanceId = $"t{i}", Outcome = o })],
    };

    [Fact]
    public void KeepAll_PatchOnOneTask_Admitted()
    {
        var decision = AdmissionPolicy.KeepAll.Decide(Child(0, TaskOutcome.NoChange, TaskOutcome.Unresolved), 0.9);

        Assert.True(decision.Admitted);
    }

    [Fact]
    public void KeepAll_NoPatchAnywhere_NotAdmitted()
    {
        var decision = AdmissionPolicy.KeepAll.Decide(Child(0, TaskOutcome.NoChange, TaskOutcome.HarnessError), 0);

        Assert.False(decision.Admitted);
        Assert.Equal("made no patch on any task", decision.Reason);
    }

    [Theory]
    [InlineData(VariantStatus.CompileFailed)]
    [InlineData(VariantStatus.Rejected)]
    [InlineData(VariantStatus.Crashed)]
    public void KeepAll_NotEvaluated_NotAdmitted(VariantStatus status)
    {
        var child = Child(1, TaskOutcome.Resolved) with { Status = status };

        Assert.False(AdmissionPolicy.KeepAll.Decide(child, 0).Admitted);
    }

    [Theory]
    [InlineData(0.4, 0.4, 0.0, true)]
    [InlineData(0.3, 0.4, 0.0, false)]
    [InlineData(0.3, 0.4, 0.1, true)]
    [InlineData(0.29, 0.4, 0.1, false)]
    public void KeepBetter_ComparesWithReferenceMinusLeeway(double score, double reference, double leeway, bool admitted)
    {
        var policy = AdmissionPolicy.KeepBetter(ScoreReference.Parent, leeway);

        Assert.Equal(admitted, policy.Decide(Child(score, TaskOutcome.Resolved, TaskOutcome.Unresolved), reference).Admitted);
    }

    [Fact]
    public void KeepBetter_Rejected_ReasonNamesScoresAndReference()
    {
        var policy = AdmissionPolicy.Create("keep_better", ScoreReference.Seed, 0.1);

        var decision = policy.Decide(Child(0.2, TaskOutcome.Resolved), 0.5);

        Assert.False(decision.Admitted);
        Assert.Equal("score 0.2 < seed 0.5 − 0.1", decision.Reason);
    }

    [Fact]
    public void Create_UnknownName_ListsValidOnes()
    {
        var error = Assert.Throws<ArgumentException>(() => AdmissionPolicy.Create("keep_some"));

        Assert.Contains("'keep_some'", error.Message, StringComparison.Ordinal);
        Assert.Contains("keep_all, keep_better", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void KeepBetter_LeewayOutOfRange_Throws()
    {
        Assert.Throws<ArgumentException>(() => AdmissionPolicy.KeepBetter(leeway: -0.1));
    }
}
