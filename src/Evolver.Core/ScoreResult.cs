namespace Evolver.Core;

/// <summary>The scoring phase of one task: the hidden tests run over the clean repository plus the agent's diff.</summary>
public sealed record ScoreResult
{
    /// <summary>How the scoring run ended.</summary>
    public required ScoreStatus Status { get; init; }

    /// <summary>Per-test results as read from the run.</summary>
    public IReadOnlyDictionary<string, TestOutcome> Tests { get; init; } = new Dictionary<string, TestOutcome>();

    /// <summary>Exit code of the test command, when it exited by itself.</summary>
    public int? ExitCode { get; init; }

    /// <summary>Wall-clock time of the scoring phase.</summary>
    public TimeSpan Duration { get; init; }

    /// <summary>The end of the test output, for diagnosis.</summary>
    public string OutputTail { get; init; } = "";

    /// <summary>Why scoring ended the way it did, for people.</summary>
    public string Reason { get; init; } = "";

    /// <summary>
    /// Where the scoring phase's time went, step by step in the order the steps ran (e.g. <c>container</c>, <c>copy-in</c>);
    /// empty when the sandbox does not measure steps.
    /// </summary>
    public IReadOnlyDictionary<string, TimeSpan> Timings { get; init; } = new Dictionary<string, TimeSpan>();
}
