using Xunit;

namespace Evolver.Core.Tests.Loop;

public sealed class Xoshiro256Tests
{
    [Fact]
    public void NextUInt64_ReferenceState_MatchesPublishedOutputs()
    {
        // The reference outputs of xoshiro256** from state {1, 2, 3, 4} (as in the authors' C code and rand_xoshiro).
        var rng = Xoshiro256.FromState(1, 2, 3, 4);

        ulong[] expected = [11520, 0, 1509978240, 1215971899390074240, 1216172134540287360, 607988272756665600];
        Assert.Equal(expected, expected.Select(_ => rng.NextUInt64()));
    }

    [Fact]
    public void Restore_SavedMidStream_ContinuesTheSameStream()
    {
        var original = Xoshiro256.FromSeed(42);
        for (var i = 0; i < 17; i++)
        {
            original.NextUInt64();
        }

        var copy = Xoshiro256.Restore(original.SaveState());

        Assert.Equal(Enumerable.Range(0, 100).Select(_ => original.NextUInt64()), Enumerable.Range(0, 100).Select(_ => copy.NextUInt64()));
    }

    [Fact]
    public void FromSeed_DifferentSeeds_DifferentStreams()
    {
        Assert.NotEqual(Xoshiro256.FromSeed(1).NextUInt64(), Xoshiro256.FromSeed(2).NextUInt64());
        Assert.Equal(Xoshiro256.FromSeed(7).SaveState(), Xoshiro256.FromSeed(7).SaveState());
    }

    [Theory]
    [InlineData("")]
    [InlineData("0000000000000001:0000000000000002:0000000000000003")]
    [InlineData("000000000000000g:0000000000000002:0000000000000003:0000000000000004")]
    [InlineData("0000000000000000:0000000000000000:0000000000000000:0000000000000000")]
    [InlineData("1:2:3:4")]
    public void Restore_NotAState_ThrowsFormatException(string state)
    {
        Assert.Throws<FormatException>(() => Xoshiro256.Restore(state));
    }

    [Fact]
    public void NextBelow_SmallBound_IsInRangeAndRoughlyUniform()
    {
        var rng = Xoshiro256.FromSeed(3);
        var counts = new int[6];
        for (var i = 0; i < 60_000; i++)
        {
            counts[rng.NextBelow(6)]++;
        }

        // 10,000 expected per face; 5 standard deviations is about ±460.
        Assert.All(counts, c => Assert.InRange(c, 9_500, 10_500));
    }

    [Fact]
    public void NextDouble_StaysInUnitInterval()
    {
        var rng = Xoshiro256.FromSeed(9);
        var values = Enumerable.Range(0, 10_000).Select(_ => rng.NextDouble()).ToList();

        Assert.All(values, v => Assert.InRange(v, 0, 0.9999999999999999));
        Assert.InRange(values.Average(), 0.49, 0.51);
    }
}
