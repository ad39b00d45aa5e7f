namespace Evolver.Core;

/// <summary>A finished job: its history entry, and what the coordinator needs to decide whether the run goes on.</summary>
/// <param name="Entry">The history entry.</param>
/// <param name="AllHarnessErrors">Every task it ran ended in a harness error.</param>
internal sealed record ChildResult(RunHistoryEntry Entry, bool AllHarnessErrors);
