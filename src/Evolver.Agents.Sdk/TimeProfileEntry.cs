namespace Evolver.Agents.Sdk;

/// <summary>
/// Where an agent's time went under one of its own time budgets or timeouts, as it reports it in
/// <see cref="AgentReport.Profile"/>. The harness keeps it with the task's evaluation, so a mutator can tell which
/// constant the agent's time was lost to.
/// </summary>
/// <param name="Name">
/// The constant that governs the budget, as <c>Type.Member</c> (for example <c>PytestRunner.QuickTestSeconds</c>): the
/// type that declares it and its name, the way a mutator finds it in the agent's source.
/// </param>
/// <param name="Seconds">Wall-clock seconds spent under the budget, summed over its uses.</param>
/// <param name="Uses">How many times the agent ran something under it.</param>
/// <param name="Expired">How many times it expired (a timeout fired, a reserve or estimate stopped the work).</param>
/// <param name="ExpiredSeconds">Of <paramref name="Seconds"/>, the part spent waiting for it to expire: what shrinking it can win back.</param>
public sealed record TimeProfileEntry(string Name, double Seconds, int Uses, int Expired, double ExpiredSeconds);
