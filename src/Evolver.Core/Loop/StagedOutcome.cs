namespace Evolver.Core;

/// <summary>What a staged evaluation found.</summary>
/// <param name="Tasks">The task records, in run order.</param>
/// <param name="Stages">The stages reached.</param>
/// <param name="StoppedBy">The budget that stopped the evaluation early, or null.</param>
internal sealed record StagedOutcome(IReadOnlyList<TaskRecord> Tasks, IReadOnlyList<StageRecord> Stages, string? StoppedBy)
{
    public int Resolved => Tasks.Count(t => t.Resolved);

    public double Score => Tasks.Count == 0 ? 0 : (double)Resolved / Tasks.Count;

    /// <summary>True when tasks ran and every one ended in a harness error: the sandbox, not the agent, failed.</summary>
    public bool AllHarnessErrors => Tasks.Count > 0 && Tasks.All(t => t.Outcome == TaskOutcome.HarnessError);
}
