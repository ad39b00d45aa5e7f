namespace Evolver.Core;

/// <summary>One stage of a fixed <see cref="StagePlan"/>.</summary>
/// <param name="Name">The stage's name as archived in <see cref="StageRecord.Name"/>, e.g. <c>screen</c>.</param>
/// <param name="Tasks">How many more tasks the stage runs (fewer when the suite runs out).</param>
/// <param name="ContinueAt">
/// The resolve rate over all tasks run so far (this stage and the ones before) needed to go on to the next stage,
/// 0 to 1; for the last stage it only decides <see cref="StageRecord.Passed"/>.
/// </param>
public sealed record EvaluationStage(string Name, int Tasks, double ContinueAt = 0);
