namespace Evolver.Core;

/// <summary>One archived variant in the lineage the <c>hgm</c> selector counts subtree outcomes over.</summary>
/// <param name="Id">The variant's id.</param>
/// <param name="Parents">Its parents' ids (none for a seed).</param>
/// <param name="Successes">Tasks it resolved itself.</param>
/// <param name="Failures">Tasks it ran and did not resolve (0 for a child that never got evaluated).</param>
public sealed record CladeNode(string Id, IReadOnlyList<string> Parents, int Successes, int Failures);
