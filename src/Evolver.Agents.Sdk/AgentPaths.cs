namespace Evolver.Agents.Sdk;

/// <summary>Where an agent finds its input and leaves its report inside the task container.</summary>
public static class AgentPaths
{
    /// <summary>The task input (an <see cref="AgentContext"/> as JSON), read-only to the agent.</summary>
    public const string Input = "/evolver/input.json";

    /// <summary>Where the agent writes its <see cref="AgentReport"/>.</summary>
    public const string Report = "/evolver-out/report.json";

    /// <summary>The repository the agent works on; its diff is taken from here after the agent stops.</summary>
    public const string Repo = "/repo";
}
