using System.Text.Json;

namespace Evolver.Core;

/// <summary>A <see cref="BudgetTracker"/>'s counts as saved in the run state; JSON with snake_case names.</summary>
internal sealed class BudgetState
{
    private static readonly JsonSerializerOptions Json = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        WriteIndented = true,
    };

    /// <summary>The format's version, for later readers.</summary>
    public int Version { get; set; } = 1;

    /// <summary>Wall-clock time the run has been running, over all sessions.</summary>
    public TimeSpan Elapsed { get; set; }

    public int Iterations { get; set; }

    public int TaskRuns { get; set; }

    public long LlmTokens { get; set; }

    public double Dollars { get; set; }

    /// <summary>The run budget that ended the run, or null.</summary>
    public string? EndedBy { get; set; }

    /// <summary>Children started and not finished, by id.</summary>
    public Dictionary<string, ChildUsage> Children { get; set; } = new(StringComparer.Ordinal);

    public string ToJson() => JsonSerializer.Serialize(this, Json);

    /// <summary>Reads a saved state; throws <see cref="FormatException"/> when it is not one.</summary>
    public static BudgetState FromJson(string json)
    {
        BudgetState? state;
        try
        {
            state = JsonSerializer.Deserialize<BudgetState>(json, Json);
        }
        catch (JsonException e)
        {
            throw new FormatException($"The budget state is not valid JSON: {e.Message}", e);
        }

        if (state is null || state.Version != 1 || state.Iterations < 0 || state.TaskRuns < 0 || state.LlmTokens < 0
            || !(state.Dollars >= 0) || state.Elapsed < TimeSpan.Zero || state.Children is null
            || state.Children.Values.Any(c => c is null || c.Tasks is null || c.Tasks.Values.Any(t => t is null)))
        {
            throw new FormatException("The budget state is not a version 1 state with non-negative counts.");
        }

        state.Children = new Dictionary<string, ChildUsage>(state.Children, StringComparer.Ordinal);
        return state;
    }
}
