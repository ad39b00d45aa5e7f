using Evolver.Core;

namespace Evolver.Cli;

/// <summary>An agent ready for the sandbox, owning the temporary folder its build went to.</summary>
internal sealed class ResolvedAgent(AgentArtifact artifact, string? buildDirectory) : IDisposable
{
    /// <summary>The agent.</summary>
    public AgentArtifact Artifact { get; } = artifact;

    /// <summary>Deletes the build folder, if any.</summary>
    public void Dispose()
    {
        if (buildDirectory is not null && Directory.Exists(buildDirectory))
        {
            Directory.Delete(buildDirectory, recursive: true);
        }
    }
}
