using Xunit;

namespace Evolver.Core.Tests.Loop;

public sealed class RunRandomTests
{
    private static readonly IReadOnlyList<SelectionCandidate> Pool =
    [
        .. new[] { ("a", 0.2), ("b", 0.5), ("c", 0.9), ("d", 0.6) }.Select(e =>
            new SelectionCandidate(new ParentCandidate(e.Item1, e.Item2, 0, 1, new OutcomeVector(["t"], "")))),
    ];

    [Fact]
    public void Select_ThroughRestoredGenerator_RepeatsThePicksAfterTheSave()
    {
        var selector = ParentSelectors.Create("dgm");
        var random = new RunRandom(Xoshiro256.FromSeed(5));
        selector.Select(Pool, 10, random);
        var saved = random.Source.SaveState();

        var first = selector.Select(Pool, 50, random).Select(c => c.Id).ToList();
        var resumed = selector.Select(Pool, 50, new RunRandom(Xoshiro256.Restore(saved))).Select(c => c.Id).ToList();

        Assert.Equal(first, resumed);
        Assert.True(first.Distinct().Count() > 1, "50 dgm draws over four candidates should not all agree");
    }

    [Fact]
    public void Select_HgmThroughGenerator_ConsumesOnlyTheRunStream()
    {
        // hgm samples Beta distributions: many draws of every kind; a restored generator must still repeat them.
        var selector = ParentSelectors.Create("hgm");
        var saved = Xoshiro256.FromSeed(11).SaveState();

        var a = selector.Select(Pool, 20, new RunRandom(Xoshiro256.Restore(saved))).Select(c => c.Id);
        var b = selector.Select(Pool, 20, new RunRandom(Xoshiro256.Restore(saved))).Select(c => c.Id);

        Assert.Equal(a, b);
    }

    [Fact]
    public void Next_Ranges_AreRespected()
    {
        var random = new RunRandom(Xoshiro256.FromSeed(1));
        for (var i = 0; i < 1000; i++)
        {
            Assert.InRange(random.Next(), 0, int.MaxValue - 1);
            Assert.InRange(random.Next(7), 0, 6);
            Assert.InRange(random.Next(-3, 4), -3, 3);
            Assert.InRange(random.NextInt64(-5, 5), -5, 4);
            Assert.InRange(random.NextSingle(), 0f, 0.99999994f);
        }

        Assert.Equal(0, random.Next(0));
        Assert.Equal(9, random.Next(9, 9));
        Assert.Throws<ArgumentOutOfRangeException>(() => random.Next(5, 4));
    }

    [Fact]
    public void NextBytes_DrawsFromTheRunStream()
    {
        var a = new byte[16];
        var b = new byte[16];
        new RunRandom(Xoshiro256.FromSeed(2)).NextBytes(a);
        new RunRandom(Xoshiro256.FromSeed(2)).NextBytes(b.AsSpan());

        Assert.Equal(a, b);
        Assert.Contains(a, x => x != 0);
    }
}
