namespace Evolver.Core;

/// <summary>How an agent's run on one task ended.</summary>
public enum AgentStatus
{
    /// <summary>The agent exited with code 0.</summary>
    Completed,

    /// <summary>The agent exited with a non-zero code.</summary>
    Failed,

    /// <summary>The agent ran past its wall-clock limit and was stopped.</summary>
    TimedOut,

    /// <summary>The agent printed more than the output cap and was stopped.</summary>
    OutputLimit,

    /// <summary>The agent was killed for memory (OOM) or its container died.</summary>
    Killed,

    /// <summary>The harness could not run the agent; not the agent's fault.</summary>
    HarnessError,
}
