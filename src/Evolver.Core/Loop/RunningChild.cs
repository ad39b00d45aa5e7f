namespace Evolver.Core;

/// <summary>A job in progress, as the live view shows it.</summary>
/// <param name="Id">The variant id it archives under.</param>
/// <param name="Kind">Seed evaluation or child.</param>
/// <param name="Parents">Its parents.</param>
/// <param name="Mutator">The mutator, or <c>seed</c>.</param>
/// <param name="Phase">What it is doing: <c>mutate</c>, <c>build</c>, <c>evaluate</c> or <c>archive</c>.</param>
/// <param name="Stage">The evaluation stage it is in, or null before evaluation.</param>
/// <param name="TasksDone">Tasks finished.</param>
/// <param name="TasksPlanned">Tasks planned up to the end of its current stage.</param>
/// <param name="Resolved">Tasks resolved so far.</param>
/// <param name="Elapsed">How long it has been running.</param>
public sealed record RunningChild(
    string Id, ChildKind Kind, IReadOnlyList<string> Parents, string Mutator, string Phase, string? Stage, int TasksDone, int TasksPlanned, int Resolved, TimeSpan Elapsed);
