using Evolver.Core;
using Xunit;

namespace Evolver.Mutation.Tests;

/// <summary>Profile-guided weights of the time knobs, against probabilities computed by hand.</summary>
public sealed class TimeKnobWeightsTests
{
    private const string Quick = "PytestRunner.QuickTestSeconds";
    private const string Full = "PytestRunner.FullTestSeconds";
    private const string Reserve = "SearchBudget.Reserve";
    private const string Estimate = "SequentialSearch.FirstEstimate";

    [Fact]
    public void Probabilities_ExpiredTimeOnLostTasks_WeighsEachKnobByItsShare()
    {
        // Lost near 60 s: a (30 s of Quick expired, 8 s of Reserve) and b (10 s of Quick expired); c is resolved and
        // d unresolved but quick, so neither counts. Expired: Quick 40, Reserve 8, Full 0, Estimate absent; total 48.
        var record = Record(
            ("a", false, 52, [new(Quick, 35, 40, 4, 30), new(Reserve, 8, 1, 1, 8), new(Full, 6, 3, 0, 0)]),
            ("b", false, 50, [new(Quick, 12, 20, 1, 10)]),
            ("c", true, 55, [new(Full, 40, 5, 4, 40)]),
            ("d", false, 10, [new(Estimate, 5, 1, 1, 5)]));
        var weights = TimeKnobWeights.From(record, 60)!;

        var p = weights.Probabilities([Quick, Reserve, Full, Estimate])!;

        // Knob k: 0.9 x expired(k) / 48 + 0.1 / 4.
        Assert.Equal(2, weights.ProfiledTasks);
        Assert.Equal((0.9 * 40 / 48) + 0.025, p[0], 12); // 0.775
        Assert.Equal((0.9 * 8 / 48) + 0.025, p[1], 12);  // 0.175
        Assert.Equal(0.025, p[2], 12);
        Assert.Equal(0.025, p[3], 12);
        Assert.Equal(1, p.Sum(), 12);
    }

    [Fact]
    public void Probabilities_KnobWithTwoSites_SplitsItsShareBetweenThem()
    {
        var record = Record(("a", false, 50, [new(Quick, 20, 10, 2, 16), new(Reserve, 8, 1, 1, 8)]));

        var p = TimeKnobWeights.From(record, 60)!.Probabilities([Quick, Reserve, Reserve])!;

        // Quick 0.9 x 16/24 + 0.05 = 0.65; Reserve 0.9 x 8/24 + 0.05 = 0.35, half per site.
        Assert.Equal(0.65, p[0], 12);
        Assert.Equal(0.175, p[1], 12);
        Assert.Equal(0.175, p[2], 12);
    }

    [Fact]
    public void Probabilities_NothingExpired_WeighsBySecondsSpent()
    {
        var record = Record(("a", false, 50, [new(Quick, 30, 10, 0, 0), new(Full, 10, 5, 0, 0)]));

        var p = TimeKnobWeights.From(record, 60)!.Probabilities([Quick, Full])!;

        Assert.Equal((0.9 * 30 / 40) + 0.05, p[0], 12); // 0.725
        Assert.Equal((0.9 * 10 / 40) + 0.05, p[1], 12); // 0.275
    }

    [Fact]
    public void Probabilities_NamespaceQualifiedProfileNames_MatchTheirKnob()
    {
        var record = Record(("a", false, 50, [new("Repair." + Quick, 10, 10, 1, 8), new("Other" + Quick, 90, 1, 1, 90)]));

        var p = TimeKnobWeights.From(record, 60)!.Probabilities([Quick, Reserve])!;

        // "OtherPytestRunner..." is another type, not a namespace: only the 8 s count.
        Assert.Equal(0.95, p[0], 12);
        Assert.Equal(0.05, p[1], 12);
    }

    [Fact]
    public void From_NoLostTaskHasAProfile_IsNull()
    {
        var old = Record(("a", false, 50, null), ("b", true, 50, [new(Quick, 30, 10, 3, 24)]));

        Assert.Null(TimeKnobWeights.From(old, 60));
        Assert.Null(TimeKnobWeights.From(null, 60));
    }

    [Fact]
    public void Probabilities_ProfileNamesNoneOfTheKnobs_IsNull()
    {
        var record = Record(("a", false, 50, [new("Elsewhere.Timeout", 30, 10, 3, 24)]));

        Assert.Null(TimeKnobWeights.From(record, 60)!.Probabilities([Quick, Reserve]));
    }

    [Fact]
    public void Describe_KnobInTheProfile_SaysWhatExpiredAndTheChance()
    {
        var record = Record(("a", false, 50, [new(Quick, 35.25, 40, 4, 30)]), ("b", false, 49, [new(Quick, 5, 2, 1, 8)]));
        var weights = TimeKnobWeights.From(record, 60)!;

        Assert.Equal($"{Quick}: 38 s expired (5x) of 40.3 s on 2 profiled task(s), p 0.78", weights.Describe(Quick, 0.775));
        Assert.Equal($"{Reserve}: not in the profile, p 0.03", weights.Describe(Reserve, 0.025));
    }

    internal static EvaluationRecord Record(params (string Id, bool Resolved, double Seconds, TimeKnobUse[]? Profile)[] tasks) => new()
    {
        Status = VariantStatus.Evaluated,
        Admitted = true,
        Tasks = [.. tasks.Select(t => new TaskRecord
        {
            InstanceId = t.Id,
            Outcome = t.Resolved ? TaskOutcome.Resolved : TaskOutcome.NoChange,
            Duration = TimeSpan.FromSeconds(t.Seconds),
            TimeProfile = t.Profile,
        })],
    };
}
