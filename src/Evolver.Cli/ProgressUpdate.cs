namespace Evolver.Cli;

/// <summary>One step of a long run, as <see cref="ProgressDisplay"/> shows it.</summary>
/// <param name="Done">Items finished so far.</param>
/// <param name="Total">Items in the run.</param>
/// <param name="Status">What stands now, for the bar: counts and running items.</param>
/// <param name="Finished">A line about the item that just finished, for logs and pipes; null when none finished.</param>
internal sealed record ProgressUpdate(int Done, int Total, string Status, string? Finished);
