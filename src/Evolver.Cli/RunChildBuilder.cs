using Evolver.Core;
using Evolver.Mutation;

namespace Evolver.Cli;

/// <summary>The loop's build step: Roslyn builds a child's source folder with <see cref="AgentBuilder"/>.</summary>
internal sealed class RunChildBuilder(AgentBuilder builder) : IChildBuilder
{
    /// <inheritdoc/>
    public async Task<ChildBuild> BuildAsync(string sourceDirectory, string outputDirectory, CancellationToken cancellationToken)
    {
        var build = await builder.BuildAsync(sourceDirectory, outputDirectory, cancellationToken).ConfigureAwait(false);
        return new ChildBuild(build.Artifact, build.Diagnostics);
    }
}
