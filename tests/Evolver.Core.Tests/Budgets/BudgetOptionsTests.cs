using Xunit;

namespace Evolver.Core.Tests.Budgets;

public sealed class BudgetOptionsTests
{
    public static TheoryData<BudgetOptions, string> Invalid => new()
    {
        { new BudgetOptions { Run = new BudgetLimits { Iterations = 0 } }, "run.iterations" },
        { new BudgetOptions { Run = new BudgetLimits { WallClock = TimeSpan.FromSeconds(-1) } }, "run.wall_clock" },
        { new BudgetOptions { PerChild = new BudgetLimits { TaskRuns = -3 } }, "child.task_runs" },
        { new BudgetOptions { PerTask = new BudgetLimits { LlmTokens = 0 } }, "task.llm_tokens" },
        { new BudgetOptions { Run = new BudgetLimits { Dollars = double.NaN } }, "run.dollars" },
        { new BudgetOptions { PerChild = new BudgetLimits { Iterations = 2 } }, "child.iterations" },
        { new BudgetOptions { PerTask = new BudgetLimits { TaskRuns = 2 } }, "task.task_runs" },
    };

    [Theory]
    [MemberData(nameof(Invalid))]
    public void Validate_BadBudget_NamesIt(BudgetOptions options, string budget)
    {
        var error = Assert.Throws<ArgumentException>(options.Validate);

        Assert.Contains(budget, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_Defaults_AreUnlimitedAndValid()
    {
        var options = new BudgetOptions();

        options.Validate();
        Assert.Equal(BudgetLimits.None, options.Run);
    }

    [Fact]
    public void Tracker_InvalidOptions_Throws()
    {
        Assert.Throws<ArgumentException>(() => new BudgetTracker(new BudgetOptions { Run = new BudgetLimits { TaskRuns = 0 } }, new ManualTimeProvider()));
    }
}
