/// <summary>How a search over a batch of candidates ended.</summary>
/// <param name="Tried">How many candidates were tested.</param>
/// <param name="Passed">The first candidate that made every visible test pass (and agreed with the problem's examples), now
/// applied to the repository; null when none did.</param>
/// <param name="Plausible">The first candidate that passed the visible tests but contradicted an example; not applied.</param>
internal sealed record SearchResult(int Tried, Candidate? Passed, Candidate? Plausible = null);
