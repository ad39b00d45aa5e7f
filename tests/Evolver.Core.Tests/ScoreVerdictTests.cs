using Xunit;

namespace Evolver.Core.Tests;

public sealed class ScoreVerdictTests
{
    private static readonly TaskSpec Task = new()
    {
        InstanceId = "t",
        ProblemStatement = "p",
        Language = "python",
        Image = "evolver-python",
        TestCommand = "true",
        TestFormat = TestFormat.Pytest,
        FailToPass = ["f1", "f2"],
        PassToPass = ["p1"],
        Directory = "/nowhere",
    };

    [Fact]
    public void Judge_AllPass_Resolved()
    {
        var verdict = ScoreVerdict.Judge(Task, new Dictionary<string, TestOutcome> { ["f1"] = TestOutcome.Passed, ["f2"] = TestOutcome.Passed, ["p1"] = TestOutcome.Passed });

        Assert.True(verdict.Resolved);
        Assert.Equal("all tests pass", verdict.Explain());
    }

    [Fact]
    public void Judge_MissingTest_CountsAsFailed()
    {
        var verdict = ScoreVerdict.Judge(Task, new Dictionary<string, TestOutcome> { ["f1"] = TestOutcome.Passed, ["p1"] = TestOutcome.Passed });

        Assert.False(verdict.Resolved);
        Assert.Equal(TestOutcome.Missing, verdict.FailToPass["f2"]);
        Assert.Equal("1/2 FAIL_TO_PASS failing", verdict.Explain());
    }

    [Fact]
    public void Judge_BrokenPassToPass_Unresolved()
    {
        var verdict = ScoreVerdict.Judge(Task, new Dictionary<string, TestOutcome> { ["f1"] = TestOutcome.Passed, ["f2"] = TestOutcome.Passed, ["p1"] = TestOutcome.Failed });

        Assert.False(verdict.Resolved);
        Assert.Equal("1/1 PASS_TO_PASS broken", verdict.Explain());
    }

    [Fact]
    public void Judge_SkippedFailToPass_IsNotResolved()
    {
        var verdict = ScoreVerdict.Judge(Task, new Dictionary<string, TestOutcome> { ["f1"] = TestOutcome.Skipped, ["f2"] = TestOutcome.Passed, ["p1"] = TestOutcome.Passed });

        Assert.False(verdict.Resolved);
    }
}
