namespace Evolver.Sandbox;

/// <summary>What one ensure call did: the tag it returns and the images it had to build (empty on a cache hit).</summary>
internal sealed record EnsureReport(string Tag, IReadOnlyList<string> Built);
