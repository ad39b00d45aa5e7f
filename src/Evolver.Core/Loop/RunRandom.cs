namespace Evolver.Core;

/// <summary>
/// A <see cref="Random"/> drawing from a <see cref="Xoshiro256"/>, so code written against <see cref="Random"/> (the
/// parent selectors) draws from the run's saved stream. Every public member is overridden: none reaches the base
/// class's own generator.
/// </summary>
internal sealed class RunRandom(Xoshiro256 source) : Random
{
    /// <summary>The generator drawn from.</summary>
    public Xoshiro256 Source { get; } = source;

    /// <inheritdoc/>
    public override int Next() => (int)Source.NextBelow(int.MaxValue);

    /// <inheritdoc/>
    public override int Next(int maxValue)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(maxValue);
        return maxValue == 0 ? 0 : (int)Source.NextBelow((ulong)maxValue);
    }

    /// <inheritdoc/>
    public override int Next(int minValue, int maxValue)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThan(minValue, maxValue);
        var range = (ulong)((long)maxValue - minValue);
        return range == 0 ? minValue : (int)(minValue + (long)Source.NextBelow(range));
    }

    /// <inheritdoc/>
    public override long NextInt64() => (long)Source.NextBelow(long.MaxValue);

    /// <inheritdoc/>
    public override long NextInt64(long maxValue)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(maxValue);
        return maxValue == 0 ? 0 : (long)Source.NextBelow((ulong)maxValue);
    }

    /// <inheritdoc/>
    public override long NextInt64(long minValue, long maxValue)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThan(minValue, maxValue);
        var range = (ulong)(maxValue - minValue);
        return range == 0 ? minValue : minValue + (long)Source.NextBelow(range);
    }

    /// <inheritdoc/>
    public override double NextDouble() => Source.NextDouble();

    /// <inheritdoc/>
    public override float NextSingle() => (Source.NextUInt64() >> 40) * (1.0f / (1U << 24));

    /// <inheritdoc/>
    public override void NextBytes(byte[] buffer)
    {
        ArgumentNullException.ThrowIfNull(buffer);
        NextBytes(buffer.AsSpan());
    }

    /// <inheritdoc/>
    public override void NextBytes(Span<byte> buffer)
    {
        for (var i = 0; i < buffer.Length; i++)
        {
            buffer[i] = (byte)(Source.NextUInt64() >> 56);
        }
    }

    /// <inheritdoc/>
    protected override double Sample() => Source.NextDouble();
}
