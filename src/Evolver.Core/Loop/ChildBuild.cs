using System.Diagnostics.CodeAnalysis;

namespace Evolver.Core;

/// <summary>The outcome of building an agent: the artifact when it compiled, and the diagnostics either way.</summary>
/// <param name="Artifact">The runnable agent, or null when the source did not compile.</param>
/// <param name="Diagnostics">The compiler's errors and warnings, one per entry.</param>
public sealed record ChildBuild(AgentArtifact? Artifact, IReadOnlyList<string> Diagnostics)
{
    /// <summary>True when the agent compiled.</summary>
    [MemberNotNullWhen(true, nameof(Artifact))]
    public bool Succeeded => Artifact is not null;
}
