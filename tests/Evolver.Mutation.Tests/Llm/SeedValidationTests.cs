using Xunit;

namespace Evolver.Mutation.Tests.Llm;

/// <summary>The LLM seed passes the same validation every child must pass.</summary>
public sealed class SeedValidationTests
{
    [Fact]
    public async Task ValidateAsync_CoderSeed_IsValidWithoutWarnings()
    {
        var validator = new AgentValidator(new ValidationOptions(), new AgentBuilderOptions(), TimeProvider.System);

        var result = await validator.ValidateAsync(SeedPaths.Seed("coder"), null, CancellationToken.None);

        Assert.True(result.IsValid, result.Describe());
        Assert.Empty(result.CompilerDiagnostics);
    }
}
