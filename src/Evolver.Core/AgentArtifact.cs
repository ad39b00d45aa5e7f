namespace Evolver.Core;

/// <summary>An agent ready to run in a sandbox.</summary>
/// <param name="Name">Display name: <c>gold</c>, <c>empty</c>, or the agent's folder or variant id.</param>
/// <param name="Kind">Pseudo-agent or program.</param>
/// <param name="BuildDirectory">For programs: the folder holding the built assemblies, mounted read-only.</param>
/// <param name="EntryAssembly">For programs: the file name of the entry assembly inside <paramref name="BuildDirectory"/>.</param>
public sealed record AgentArtifact(string Name, AgentKind Kind, string? BuildDirectory = null, string? EntryAssembly = null)
{
    /// <summary>The LLM gateway grant of the task run this artifact is about to do, written into the agent's input; null for none.</summary>
    public GatewayGrant? Gateway { get; init; }

    /// <summary>The gold pseudo-agent.</summary>
    public static AgentArtifact Gold { get; } = new("gold", AgentKind.Gold);

    /// <summary>The empty pseudo-agent.</summary>
    public static AgentArtifact Empty { get; } = new("empty", AgentKind.Empty);
}
