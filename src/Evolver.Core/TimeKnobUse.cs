namespace Evolver.Core;

/// <summary>
/// One entry of the time profile an agent reports: the time it spent under one of its own time budgets or timeouts,
/// named by the constant that governs it. Kept in <see cref="TaskRecord.TimeProfile"/>.
/// </summary>
/// <param name="Name">The constant, as <c>Type.Member</c> (for example <c>PytestRunner.QuickTestSeconds</c>).</param>
/// <param name="Seconds">Wall-clock seconds spent under it.</param>
/// <param name="Uses">How many times the agent ran something under it.</param>
/// <param name="Expired">How many times it expired.</param>
/// <param name="ExpiredSeconds">Of <paramref name="Seconds"/>, the part spent waiting for it to expire.</param>
public sealed record TimeKnobUse(string Name, double Seconds, int Uses, int Expired, double ExpiredSeconds);
