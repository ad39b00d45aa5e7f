namespace Evolver.Cli;

/// <summary>The LLM side of <c>evolver eval</c>: the provider config, the per-task caps, and the archive to record into.</summary>
/// <param name="ConfigFile">An LLM config file (LlmOptions JSON); null: no gateway.</param>
/// <param name="TaskTokens">Tokens each task run may use through the gateway; null: unlimited.</param>
/// <param name="TaskDollars">Dollars each task run may spend; null: unlimited.</param>
/// <param name="Archive">The archive to record the agent, its evaluation and its exchanges in; null: none.</param>
internal sealed record EvalLlmArgs(string? ConfigFile, long? TaskTokens, double? TaskDollars, string? Archive);
