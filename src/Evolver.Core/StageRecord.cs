namespace Evolver.Core;

/// <summary>One evaluation stage a variant reached: how many tasks ran and whether it went on.</summary>
/// <param name="Name">The stage's name, e.g. <c>screen</c> or <c>full</c>.</param>
/// <param name="Tasks">Tasks run in this stage.</param>
/// <param name="Resolved">Tasks resolved in this stage.</param>
/// <param name="Passed">Whether the variant passed the stage's threshold and went on.</param>
public sealed record StageRecord(string Name, int Tasks, int Resolved, bool Passed);
