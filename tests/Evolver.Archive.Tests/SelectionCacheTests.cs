using Evolver.Core;

namespace Evolver.Archive.Tests;

public sealed class SelectionCacheTests
{
    private static readonly string[] Tasks = ["t1"];

    [Fact]
    public void Apply_InsertsRemovesAndReplaces_KeepsIndexOrder()
    {
        var cache = new SelectionCache();
        cache.Reset("epoch");
        foreach (var id in new[] { "alpha", "v1", "v2", "v10" })
        {
            cache.Append(Candidate(id, 0));
        }

        cache.Apply("beta", Candidate("beta", 0));
        cache.Apply("v5", Candidate("v5", 0));
        cache.Apply("v2", null);
        cache.Apply("v10", Candidate("v10", 3));
        cache.Apply("v99", null);

        var snapshot = cache.Snapshot();
        Assert.Equal(["alpha", "beta", "v1", "v5", "v10"], snapshot.Select(c => c.Id));
        Assert.Equal(3, snapshot[^1].Children);
    }

    [Fact]
    public void Compare_ChosenAndGeneratedIds_OrdersChosenFirstThenByNumber()
    {
        var ids = new[] { "v10", "seed", "v2", "v0", "alpha", "v01" };

        var sorted = ids.Order(Comparer<string>.Create(SelectionCache.Compare));

        Assert.Equal(["alpha", "seed", "v01", "v0", "v2", "v10"], sorted);
    }

    private static ParentCandidate Candidate(string id, int children) => new(id, 0.5, children, 1, new OutcomeVector(Tasks, "R"));
}
