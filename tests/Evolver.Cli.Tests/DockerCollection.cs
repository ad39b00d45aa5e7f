using Xunit;

namespace Evolver.Cli.Tests;

/// <summary>Tests that run containers share one collection, so they run one after another on the 2-core machine.</summary>
[CollectionDefinition(Name)]
public sealed class DockerCollection : ICollectionFixture<DockerFixture>
{
    public const string Name = "docker";
}
