namespace Evolver.Web;

/// <summary>One variant on a plot: its iteration, score, cost and whether it was a failed attempt.</summary>
internal sealed record ScorePoint(string Id, long? Iteration, double Score, double CostUsd, long Tokens, bool Failed);
