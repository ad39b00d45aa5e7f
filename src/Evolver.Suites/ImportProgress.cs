namespace Evolver.Suites;

/// <summary>Reported each time one task is done.</summary>
/// <param name="Completed">Tasks done so far, this one included.</param>
/// <param name="Total">Tasks in this import.</param>
/// <param name="Task">The task just done.</param>
public sealed record ImportProgress(int Completed, int Total, ImportedTask Task);
