/// <summary>How a search over a batch of candidates ended.</summary>
/// <param name="Tried">How many candidates were tested.</param>
/// <param name="Passed">The first candidate that made every visible test pass, now applied to the repository; null when none did.</param>
internal sealed record SearchResult(int Tried, Candidate? Passed);
