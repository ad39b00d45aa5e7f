namespace Evolver.Web;

/// <summary>The archive after iteration <see cref="Iteration"/>: best and mean score of the admitted, evaluated variants so far.</summary>
internal sealed record IterationPoint(long Iteration, double Best, double Mean, int Count);
