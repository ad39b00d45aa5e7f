namespace Evolver.Core;

/// <summary>What a parent selector needs to know about one admitted variant.</summary>
/// <param name="Id">The variant's id.</param>
/// <param name="Score">Its fitness, 0 to 1.</param>
/// <param name="Children">How many variants name it as a parent (admitted or not).</param>
/// <param name="Generation">Its generation.</param>
/// <param name="Outcomes">Its per-task outcomes, for behavioural novelty.</param>
public sealed record ParentCandidate(string Id, double Score, int Children, int Generation, OutcomeVector Outcomes);
