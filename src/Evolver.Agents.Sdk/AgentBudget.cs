namespace Evolver.Agents.Sdk;

/// <summary>What an agent may spend on one task. The harness enforces it; the agent should plan by it.</summary>
/// <param name="WallSeconds">Wall-clock seconds the agent has; the harness stops it at this limit.</param>
/// <param name="Deadline">The moment the harness stops the agent.</param>
/// <param name="MaxOutputBytes">Bytes of stdout and stderr allowed; more stops the agent.</param>
/// <param name="LlmTokens">The task run's LLM token budget at the gateway (<c>budgets.task.llm_tokens</c>, <c>eval --task-llm-tokens</c>), past which calls get 429; null when no gateway is offered or the task run has no token budget.</param>
public sealed record AgentBudget(int WallSeconds, DateTimeOffset Deadline, long MaxOutputBytes, long? LlmTokens = null);
