namespace Evolver.Core;

/// <summary>Wall-clock limits of one task (task.json <c>timeouts</c>).</summary>
/// <param name="AgentSeconds">How long the agent may work on the task. Default 300.</param>
/// <param name="TestSeconds">How long the scoring test command may run. Default 120.</param>
public sealed record TaskTimeouts(int AgentSeconds = TaskTimeouts.DefaultAgentSeconds, int TestSeconds = TaskTimeouts.DefaultTestSeconds)
{
    /// <summary>Default agent time, in seconds.</summary>
    public const int DefaultAgentSeconds = 300;

    /// <summary>Default test time, in seconds.</summary>
    public const int DefaultTestSeconds = 120;
}
