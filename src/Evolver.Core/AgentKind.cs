namespace Evolver.Core;

/// <summary>What kind of agent runs in the task container.</summary>
public enum AgentKind
{
    /// <summary>Pseudo-agent that applies the task's gold.patch; validates the harness.</summary>
    Gold,

    /// <summary>Pseudo-agent that changes nothing; validates the harness.</summary>
    Empty,

    /// <summary>A built C# agent program run with the Evolver.Agents.Sdk contract.</summary>
    Program,
}
