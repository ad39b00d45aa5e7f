using Xunit;

namespace Evolver.Web.Tests;

/// <summary>The tests sharing <see cref="LineageFixture"/>.</summary>
[CollectionDefinition(Name)]
public sealed class LineageCollection : ICollectionFixture<LineageFixture>
{
    public const string Name = "lineage archive";
}
