namespace Evolver.Core;

/// <summary>Where a run stands, as saved in its state.</summary>
public enum RunStatus
{
    /// <summary>Running, or killed while running (then <c>evolver resume</c> continues it).</summary>
    Running,

    /// <summary>Stopped by Ctrl+C or a signal, cleanly; <c>evolver resume</c> continues it.</summary>
    Interrupted,

    /// <summary>Ended: a budget ran out (<see cref="RunState.EndedBy"/> names it).</summary>
    Finished,

    /// <summary>Stopped by a harness failure (<see cref="RunState.Error"/> says which); <c>evolver resume</c> retries.</summary>
    Failed,
}
