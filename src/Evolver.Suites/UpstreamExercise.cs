namespace Evolver.Suites;

/// <summary>One upstream exercise or program to convert into a task.</summary>
/// <param name="Id">The task's instance id.</param>
/// <param name="Directory">The exercise folder (QuixBugs: the upstream root).</param>
/// <param name="Inputs">Every upstream file the conversion reads; their contents make the task's input hash.</param>
internal sealed record UpstreamExercise(string Id, string Directory, IReadOnlyList<string> Inputs);
