using Evolver.Core;
using Xunit;

namespace Evolver.Core.Tests;

/// <summary>The time profile of an agent's report, read into the task's record.</summary>
public sealed class ReportProfileTests
{
    [Fact]
    public void From_ReportWithProfile_KeepsItInTheTaskRecord()
    {
        const string report = """
            {
              "status": "gave_up", "summary": "the budget ran out after 129 candidates", "steps": 129,
              "profile": [
                { "name": "PytestRunner.QuickTestSeconds", "seconds": 35.5, "uses": 129, "expired": 4, "expired_seconds": 32 },
                { "name": "SearchBudget.Reserve", "seconds": 8, "uses": 1, "expired": 1, "expired_seconds": 8 }
              ]
            }
            """;

        var record = TaskRecord.From(Result(report), 0);

        Assert.Equal(
            [new TimeKnobUse("PytestRunner.QuickTestSeconds", 35.5, 129, 4, 32), new TimeKnobUse("SearchBudget.Reserve", 8, 1, 1, 8)],
            record.TimeProfile);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("not json")]
    [InlineData("""{ "status": "completed", "summary": "fixed", "steps": 3 }""")]
    [InlineData("""{ "status": "completed", "summary": "fixed", "profile": {} }""")]
    [InlineData("""{ "status": "completed", "summary": "fixed", "profile": [] }""")]
    [InlineData("[1, 2]")]
    public void From_ReportWithoutUsableProfile_HasNone(string? report)
    {
        Assert.Null(TaskRecord.From(Result(report), 0).TimeProfile);
    }

    [Fact]
    public void Read_MalformedEntries_AreDroppedAndExpiredTimeCappedAtTheTimeSpent()
    {
        const string report = """
            { "profile": [
                { "seconds": 3 },
                { "name": "A.Negative", "seconds": -1 },
                { "name": "A.Text", "seconds": "many" },
                { "name": "A.Capped", "seconds": 4, "uses": 2, "expired": 1, "expired_seconds": 9 },
                { "name": "A.Sparse" }
            ] }
            """;

        Assert.Equal([new TimeKnobUse("A.Capped", 4, 2, 1, 4), new TimeKnobUse("A.Sparse", 0, 0, 0, 0)], ReportProfile.Read(report));
    }

    private static TaskResult Result(string? report) => new()
    {
        InstanceId = "kheapsort",
        Outcome = TaskOutcome.NoChange,
        Reason = "no diff",
        Solve = new SolveResult { Status = AgentStatus.Failed, Patch = "", Report = report },
        Duration = TimeSpan.FromSeconds(51),
    };
}
