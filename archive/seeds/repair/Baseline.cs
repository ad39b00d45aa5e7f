/// <summary>The visible tests on the unchanged repository, with per-test line coverage when it could be recorded.</summary>
/// <param name="Run">The outcomes and output.</param>
/// <param name="Coverage">Per test id, the <c>file:line</c> entries it executed in non-test files; empty when unknown.</param>
internal sealed record Baseline(TestRun Run, IReadOnlyDictionary<string, IReadOnlySet<string>> Coverage);
