using System.Text.Json;
using System.Text.Json.Serialization;

namespace Evolver.Core;

/// <summary>
/// A run's saved state: its config, random generator, counters, the jobs in flight, the budget counts and the history.
/// The archive holds it (JSON, snake_case), so <c>evolver resume</c> needs nothing else.
/// </summary>
public sealed record RunState
{
    /// <summary>The format's version.</summary>
    public const int CurrentFormat = 1;

    private static readonly JsonSerializerOptions Json = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        WriteIndented = true,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower) },
    };

    /// <summary>The format's version, <see cref="CurrentFormat"/>.</summary>
    public int Format { get; init; } = CurrentFormat;

    /// <summary>A unique id of the run.</summary>
    public required string RunId { get; init; }

    /// <summary>Where the run stands.</summary>
    public required RunStatus Status { get; init; }

    /// <summary>The budget that ended a finished run, e.g. <c>run.iterations</c>.</summary>
    public string? EndedBy { get; init; }

    /// <summary>Why a failed run stopped.</summary>
    public string? Error { get; init; }

    /// <summary>The run's configuration as its owner wrote it (opaque to the loop), so a resume rebuilds the same run.</summary>
    public JsonElement? Config { get; init; }

    /// <summary>The seed the run's generator started from.</summary>
    public required int RngSeed { get; init; }

    /// <summary>The generator's state after the last planned child.</summary>
    public required string Rng { get; init; }

    /// <summary>The number of the next child id, <c>v&lt;n&gt;</c>.</summary>
    public required long NextSequence { get; init; }

    /// <summary>Children planned so far (the last iteration number).</summary>
    public long Iterations { get; init; }

    /// <summary>Jobs started and not yet archived; a resume re-does each that the archive does not hold.</summary>
    public IReadOnlyList<ChildPlan> InFlight { get; init; } = [];

    /// <summary>The budget tracker's counts (<see cref="BudgetTracker.SaveState"/>).</summary>
    public JsonElement? Budget { get; init; }

    /// <summary>Finished jobs, in finishing order.</summary>
    public IReadOnlyList<RunHistoryEntry> History { get; init; } = [];

    /// <summary>When the run started.</summary>
    public DateTimeOffset StartedAt { get; init; }

    /// <summary>When the state was last saved; a running run saves at least every half minute.</summary>
    public DateTimeOffset UpdatedAt { get; init; }

    /// <summary>How many times the run was started or resumed.</summary>
    public int Sessions { get; init; }

    /// <summary>The best admitted variant so far, or null.</summary>
    [JsonIgnore]
    public RunHistoryEntry? Best => RunProgressMath.Best(History);

    /// <summary>The state as JSON.</summary>
    public string ToJson() => JsonSerializer.Serialize(this, Json);

    /// <summary>Reads a saved state; throws <see cref="FormatException"/> naming the problem when <paramref name="json"/> is not one.</summary>
    public static RunState Parse(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        RunState? state;
        try
        {
            state = JsonSerializer.Deserialize<RunState>(json, Json);
        }
        catch (JsonException e)
        {
            throw new FormatException($"The run state is not valid JSON: {e.Message}", e);
        }

        if (state is null)
        {
            throw new FormatException("The run state is empty.");
        }

        if (state.Format != CurrentFormat)
        {
            throw new FormatException($"The run state has format {state.Format}; this Evolver reads format {CurrentFormat}.");
        }

        if (state.InFlight is null || state.History is null || state.InFlight.Any(p => p is null) || state.History.Any(h => h is null))
        {
            throw new FormatException("The run state has a null job.");
        }

        Xoshiro256.Restore(state.Rng);
        return state;
    }
}
