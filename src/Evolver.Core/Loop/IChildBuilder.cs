namespace Evolver.Core;

/// <summary>Compiles an agent's source folder into something a sandbox can run: the loop's build step.</summary>
public interface IChildBuilder
{
    /// <summary>
    /// Builds the agent in <paramref name="sourceDirectory"/> into <paramref name="outputDirectory"/>. A source that does
    /// not compile is a result value with the compiler's diagnostics, not an exception.
    /// </summary>
    Task<ChildBuild> BuildAsync(string sourceDirectory, string outputDirectory, CancellationToken cancellationToken);
}
