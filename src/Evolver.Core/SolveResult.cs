namespace Evolver.Core;

/// <summary>The agent phase of one task: how it ended and the diff it left in the repository.</summary>
public sealed record SolveResult
{
    /// <summary>How the agent's run ended.</summary>
    public required AgentStatus Status { get; init; }

    /// <summary>The agent's exit code, when it exited by itself.</summary>
    public int? ExitCode { get; init; }

    /// <summary>Unified diff of the repository after the agent stopped, against the base; empty when it changed nothing.</summary>
    public required string Patch { get; init; }

    /// <summary>Wall-clock time of the agent phase.</summary>
    public TimeSpan Duration { get; init; }

    /// <summary>Bytes of output the agent printed (counted up to the cap).</summary>
    public long OutputBytes { get; init; }

    /// <summary>The end of the agent's output, for diagnosis.</summary>
    public string OutputTail { get; init; } = "";

    /// <summary>The agent's own report (JSON written through the SDK), if any.</summary>
    public string? Report { get; init; }

    /// <summary>Why the run ended the way it did, for people.</summary>
    public string Reason { get; init; } = "";

    /// <summary>
    /// Where the agent phase's time went, step by step in the order the steps ran (e.g. <c>container</c>, <c>copy-in</c>);
    /// empty when the sandbox does not measure steps.
    /// </summary>
    public IReadOnlyDictionary<string, TimeSpan> Timings { get; init; } = new Dictionary<string, TimeSpan>();
}
