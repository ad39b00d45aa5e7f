using System.Text.Json;
using Xunit;

namespace Evolver.Core.Tests.Loop;

public sealed class RunStateTests
{
    private static RunState Sample()
    {
        using var config = JsonDocument.Parse("""{ "rng_seed": 3, "suites": ["quixbugs"] }""");
        var tracker = new BudgetTracker(new BudgetOptions { Run = new BudgetLimits { Iterations = 5 } }, TimeProvider.System);
        tracker.TryStartChild("v1");
        using var budget = JsonDocument.Parse(tracker.SaveState());
        return new RunState
        {
            RunId = "abc",
            Status = RunStatus.Interrupted,
            Config = config.RootElement.Clone(),
            RngSeed = 3,
            Rng = Xoshiro256.FromSeed(3).SaveState(),
            NextSequence = 2,
            Iterations = 1,
            InFlight = [new ChildPlan { Id = "v1", Kind = ChildKind.Child, Iteration = 1, Parents = ["seed"], MutatorIndex = 0, Mutator = "gp", Seed = 77, TaskSeed = 3 }],
            Budget = budget.RootElement.Clone(),
            History =
            [
                new RunHistoryEntry
                {
                    Id = "seed", Kind = ChildKind.Seed, Status = VariantStatus.Evaluated, Admitted = true, Score = 0.25, Tasks = 4, Resolved = 1,
                    Duration = TimeSpan.FromSeconds(12.5), Descriptors = new Dictionary<string, double> { ["syntax_size"] = 1234 },
                },
                new RunHistoryEntry { Id = "v0", Kind = ChildKind.Child, Iteration = 0, Status = VariantStatus.CompileFailed, Note = "does not compile" },
            ],
            StartedAt = new DateTimeOffset(2025, 1, 2, 3, 4, 5, TimeSpan.Zero),
            Sessions = 2,
        };
    }

    [Fact]
    public void Parse_OfToJson_GivesTheSameState()
    {
        var state = Sample();

        var back = RunState.Parse(state.ToJson());

        Assert.Equal(state.ToJson(), back.ToJson());
        Assert.Equal(RunStatus.Interrupted, back.Status);
        Assert.Equal("gp", back.InFlight[0].Mutator);
        Assert.Equal(77, back.InFlight[0].Seed);
        Assert.Equal(VariantStatus.CompileFailed, back.History[1].Status);
        Assert.Equal(1234, back.History[0].Descriptors["syntax_size"]);
        Assert.Equal(3, back.Config!.Value.GetProperty("rng_seed").GetInt32());
        Assert.Equal("seed", back.Best!.Id);
    }

    [Fact]
    public void ToJson_UsesSnakeCaseNamesAndEnumValues()
    {
        var json = Sample().ToJson();

        Assert.Contains("\"in_flight\"", json, StringComparison.Ordinal);
        Assert.Contains("\"status\": \"interrupted\"", json, StringComparison.Ordinal);
        Assert.Contains("\"compile_failed\"", json, StringComparison.Ordinal);
        Assert.Contains("\"next_sequence\": 2", json, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_RestoredBudget_ContinuesTheCounts()
    {
        var back = RunState.Parse(Sample().ToJson());

        var tracker = BudgetTracker.Restore(new BudgetOptions { Run = new BudgetLimits { Iterations = 5 } }, TimeProvider.System, back.Budget!.Value.GetRawText());

        Assert.Equal(1, tracker.Usage.Iterations);
        Assert.Equal(1, tracker.Usage.RunningChildren);
    }

    [Theory]
    [InlineData("not json", "not valid JSON")]
    [InlineData("null", "empty")]
    [InlineData("""{ "format": 2, "run_id": "a", "status": "running", "rng_seed": 1, "rng": "x", "next_sequence": 0 }""", "format 2")]
    [InlineData("""{ "format": 1, "run_id": "a", "status": "running", "rng_seed": 1, "rng": "x", "next_sequence": 0 }""", "saved generator state")]
    [InlineData("""{ "format": 1, "run_id": "a", "status": "sleeping", "rng_seed": 1, "rng": "x", "next_sequence": 0 }""", "not valid JSON")]
    public void Parse_Broken_ThrowsFormatExceptionSayingWhy(string json, string expected)
    {
        var error = Assert.Throws<FormatException>(() => RunState.Parse(json));

        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }
}
