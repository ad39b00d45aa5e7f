using Xunit;

namespace Evolver.Core.Tests.Loop;

public sealed class EvolutionOptionsTests
{
    private static string ShippedSuite => Path.Combine(RepoRoot(), "benchmarks", "suites", "evolver");

    [Fact]
    public void Validate_NoSuite_NamesSuites()
    {
        var error = Assert.Throws<ArgumentException>(() => new EvolutionOptions().Validate());

        Assert.Equal("Suites", error.ParamName);
    }

    [Fact]
    public void Validate_SuiteButNoMutator_NamesMutators()
    {
        var suite = SuiteLoader.Load(ShippedSuite).Suite!;

        var error = Assert.Throws<ArgumentException>(() => new EvolutionOptions { Suites = [suite] }.Validate());

        Assert.Equal("Mutators", error.ParamName);
    }

    [Fact]
    public void Catalog_TwoSuites_QualifiesKeysAndOrdersBySeed()
    {
        var suite = SuiteLoader.Load(ShippedSuite).Suite!;
        var copy = suite with { Name = "copy" };

        var catalog = new TaskCatalog([suite, copy]);
        var single = new TaskCatalog([suite]);

        Assert.Equal(2 * suite.Tasks.Count, catalog.Keys.Count);
        Assert.Contains($"copy/{suite.Tasks[0].InstanceId}", catalog.Keys);
        Assert.Equal(suite.Tasks[0].InstanceId, single.Keys[0]);
        Assert.Equal(catalog.Order(4).Select(t => t.Key), catalog.Order(4).Select(t => t.Key));
        Assert.NotEqual(catalog.Order(4).Select(t => t.Key), catalog.Order(5).Select(t => t.Key));
        Assert.Equal($"{suite.Name}+copy", catalog.SuiteName);
    }

    private static string RepoRoot() =>
        typeof(EvolutionOptionsTests).Assembly.GetCustomAttributes(typeof(System.Reflection.AssemblyMetadataAttribute), false)
            .Cast<System.Reflection.AssemblyMetadataAttribute>().First(a => a.Key == "EvolverRepoRoot").Value!;
}
