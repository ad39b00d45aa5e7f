namespace Evolver.Core;

/// <summary>A seed agent a run starts from.</summary>
/// <param name="Id">The variant id it is archived under, e.g. <c>repair</c>.</param>
/// <param name="SourceDirectory">Its source folder.</param>
public sealed record SeedAgent(string Id, string SourceDirectory);
