using Evolver.Core;

namespace Evolver.Cli;

/// <summary>One task of a replay: the archived outcome, the replayed one, and why they differ (null when they agree).</summary>
internal sealed record ReplayVerdict(string Task, TaskOutcome Archived, TaskOutcome? Replayed, string? Failure, TimeSpan Duration)
{
    public bool Passed => Failure is null;

    /// <summary>
    /// Compares <paramref name="replayed"/> with <paramref name="archived"/>: the outcome must be the same, every request
    /// must have been recorded, and every recorded exchange must have been asked for again.
    /// </summary>
    public static ReplayVerdict Compare(TaskRecord archived, TaskResult? replayed, int recordedExchanges)
    {
        if (replayed is null)
        {
            return new ReplayVerdict(archived.InstanceId, archived.Outcome, null, "the task was not found in the suite, so it could not be replayed", TimeSpan.Zero);
        }

        var llm = replayed.Llm ?? GatewayUsage.None;
        string? failure = null;
        if (llm.Problems.Count > 0)
        {
            failure = llm.Problems[0];
        }
        else if (replayed.Outcome != archived.Outcome)
        {
            failure = (archived.Resolved ? "regression: " : "") + $"archived {Word(archived.Outcome)}, replayed {Word(replayed.Outcome)}: {replayed.Reason}";
        }
        else if (llm.Calls != recordedExchanges)
        {
            failure = $"the agent made {llm.Calls} LLM calls; the recording holds {recordedExchanges}";
        }

        return new ReplayVerdict(archived.InstanceId, archived.Outcome, replayed.Outcome, failure, replayed.Duration);
    }

    public static string Word(TaskOutcome outcome) => System.Text.Json.JsonNamingPolicy.SnakeCaseLower.ConvertName(outcome.ToString());
}
