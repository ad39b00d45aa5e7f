namespace Evolver.Core;

/// <summary>A progress event of a suite evaluation.</summary>
/// <param name="InstanceId">The task the event is about.</param>
/// <param name="Result">The task's result when it has finished, or null when it has just started.</param>
public sealed record EvaluationProgress(string InstanceId, TaskResult? Result);
