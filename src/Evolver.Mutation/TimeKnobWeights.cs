using System.Globalization;
using Evolver.Core;

namespace Evolver.Mutation;

/// <summary>
/// Profile-guided choice among time knobs. The agent reports, per task, the time it spent under each of its own time
/// budgets (<see cref="TaskRecord.TimeProfile"/>); summed over the tasks the parent lost near its limit, that says
/// which knob its time was lost to. Shrinking a timeout wins back only the time spent waiting for it to expire, so a
/// knob weighs what it expired for; when nothing expired, the time spent under it. A small share stays uniform, so a
/// knob the profile does not name is still tried now and then.
/// </summary>
internal sealed class TimeKnobWeights
{
    /// <summary>The share of the draw spread evenly over the knobs, whatever the profile says.</summary>
    public const double Exploration = 0.1;

    private readonly List<TimeKnobUse> pooled;

    private TimeKnobWeights(List<TimeKnobUse> pooled, int tasks)
    {
        this.pooled = pooled;
        ProfiledTasks = tasks;
    }

    /// <summary>How many of the parent's lost tasks carried a profile.</summary>
    public int ProfiledTasks { get; }

    /// <summary>
    /// The pooled profile of <paramref name="record"/>'s tasks lost near <paramref name="limitSeconds"/> (see
    /// <see cref="GpTimePressure.LostNearLimit"/>); null when none of them has a profile (records from before agents
    /// reported one, or an agent that reports none).
    /// </summary>
    public static TimeKnobWeights? From(EvaluationRecord? record, double limitSeconds)
    {
        var profiles = (record?.Tasks ?? []).Where(t => GpTimePressure.IsLostNearLimit(t, limitSeconds) && t.TimeProfile is { Count: > 0 })
            .Select(t => t.TimeProfile!).ToList();
        if (profiles.Count == 0)
        {
            return null;
        }

        var pooled = profiles.SelectMany(p => p).GroupBy(u => u.Name, StringComparer.Ordinal)
            .Select(g => new TimeKnobUse(g.Key, g.Sum(u => u.Seconds), g.Sum(u => u.Uses), g.Sum(u => u.Expired), g.Sum(u => u.ExpiredSeconds)))
            .ToList();
        return new TimeKnobWeights(pooled, profiles.Count);
    }

    /// <summary>
    /// The pooled figures for <paramref name="knob"/> (<c>Type.Member</c>): entries named exactly so, or ending in
    /// <c>.Type.Member</c> (a namespace-qualified name); null when the profile does not name it.
    /// </summary>
    public TimeKnobUse? Use(string knob)
    {
        var matches = pooled.Where(u => u.Name == knob || u.Name.EndsWith("." + knob, StringComparison.Ordinal)).ToList();
        return matches.Count == 0 ? null
            : new TimeKnobUse(knob, matches.Sum(u => u.Seconds), matches.Sum(u => u.Uses), matches.Sum(u => u.Expired), matches.Sum(u => u.ExpiredSeconds));
    }

    /// <summary>
    /// The probability of each site, given the knob each belongs to (<paramref name="knobs"/>, one per site). A knob
    /// gets (1 − <see cref="Exploration"/>) × its share of the measured time plus <see cref="Exploration"/> / the
    /// number of knobs, split evenly among its sites. Null when the profile names none of the knobs, or gives them no
    /// time: then the choice stays uniform.
    /// </summary>
    public IReadOnlyList<double>? Probabilities(IReadOnlyList<string> knobs)
    {
        var distinct = knobs.Distinct(StringComparer.Ordinal).ToList();
        var uses = distinct.ToDictionary(k => k, Use, StringComparer.Ordinal);
        var measure = uses.Values.Sum(u => u?.ExpiredSeconds ?? 0) > 0 ? (Func<TimeKnobUse?, double>)(u => u?.ExpiredSeconds ?? 0) : u => u?.Seconds ?? 0;
        var total = uses.Values.Sum(measure);
        if (!(total > 0))
        {
            return null;
        }

        var sitesPerKnob = knobs.GroupBy(k => k, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
        return [.. knobs.Select(k => (((1 - Exploration) * measure(uses[k]) / total) + (Exploration / distinct.Count)) / sitesPerKnob[k])];
    }

    /// <summary>What the profile says of <paramref name="knob"/>, for a mutation's description.</summary>
    public string Describe(string knob, double probability)
    {
        var p = probability.ToString("0.00", CultureInfo.InvariantCulture);
        return Use(knob) is { } use
            ? string.Create(CultureInfo.InvariantCulture, $"{knob}: {use.ExpiredSeconds:0.#} s expired ({use.Expired}x) of {use.Seconds:0.#} s on {ProfiledTasks} profiled task(s), p {p}")
            : $"{knob}: not in the profile, p {p}";
    }
}
