namespace Evolver.Sandbox;

/// <summary>What a sandbox container is made of.</summary>
/// <param name="Image">Concrete image tag.</param>
/// <param name="Role"><c>solve</c> or <c>score</c>, for labels and logs.</param>
/// <param name="TaskId">The task, for labels and logs.</param>
/// <param name="AgentDirectory">Host folder mounted read-only at /opt/agent, or null.</param>
internal sealed record ContainerSpec(string Image, string Role, string TaskId, string? AgentDirectory);
