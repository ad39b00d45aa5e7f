using Xunit;

namespace Evolver.Web.Tests;

/// <summary>One real archive (<see cref="LineageArchive"/>) and one <c>evolver serve</c> on it, shared by the tests that only read.</summary>
public sealed class LineageFixture : IAsyncLifetime
{
    internal LineageArchive Archive { get; private set; } = null!;

    internal ServeHost Serve { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Archive = await LineageArchive.BuildAsync();
        Serve = await ServeHost.StartAsync(Archive.Path);
    }

    public async Task DisposeAsync()
    {
        await Serve.DisposeAsync();
        Archive.Dispose();
    }
}
