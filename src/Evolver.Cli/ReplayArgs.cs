namespace Evolver.Cli;

/// <summary>The arguments of <c>evolver replay</c>.</summary>
internal sealed record ReplayArgs(string Archive, string AgentId, string? Suite, string? JUnit, int Parallel, int? AgentTimeout);
