using System.Diagnostics.CodeAnalysis;
using Evolver.Core;

namespace Evolver.Mutation;

/// <summary>The outcome of building an agent: the artifact when it compiled, and the compiler's diagnostics either way.</summary>
/// <param name="Artifact">The built agent, or null when the source did not compile.</param>
/// <param name="Diagnostics">
/// Errors first, then warnings, each as <c>path:line:column: severity id: message</c> with the path relative to the agent folder.
/// </param>
/// <param name="Elapsed">How long the build took, reading and writing files included.</param>
public sealed record AgentBuildResult(AgentArtifact? Artifact, IReadOnlyList<string> Diagnostics, TimeSpan Elapsed)
{
    /// <summary>True when the agent compiled and its files were written.</summary>
    [MemberNotNullWhen(true, nameof(Artifact))]
    public bool Succeeded => Artifact is not null;

    /// <summary>The diagnostics, one per line, for a log or an LLM repair prompt.</summary>
    public string Describe() => string.Join(Environment.NewLine, Diagnostics);
}
