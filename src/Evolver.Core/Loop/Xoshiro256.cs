using System.Globalization;

namespace Evolver.Core;

/// <summary>
/// xoshiro256** (Blackman and Vigna, 2018): a small, fast generator whose whole state is four 64-bit words, so the
/// run state can save it and a resumed run continues the exact stream. <see cref="Random"/>'s state cannot be saved.
/// </summary>
internal sealed class Xoshiro256
{
    private ulong s0;
    private ulong s1;
    private ulong s2;
    private ulong s3;

    private Xoshiro256(ulong s0, ulong s1, ulong s2, ulong s3)
    {
        if ((s0 | s1 | s2 | s3) == 0)
        {
            throw new ArgumentException("The all-zero state is not a valid xoshiro256 state.");
        }

        (this.s0, this.s1, this.s2, this.s3) = (s0, s1, s2, s3);
    }

    /// <summary>A generator seeded from <paramref name="seed"/> through SplitMix64, as the authors recommend.</summary>
    public static Xoshiro256 FromSeed(long seed)
    {
        var x = (ulong)seed;
        return new Xoshiro256(SplitMix(ref x), SplitMix(ref x), SplitMix(ref x), SplitMix(ref x));
    }

    /// <summary>A generator in exactly the given state (not all zero).</summary>
    public static Xoshiro256 FromState(ulong w0, ulong w1, ulong w2, ulong w3) => new(w0, w1, w2, w3);

    /// <summary>Reads a state written by <see cref="SaveState"/>; throws <see cref="FormatException"/> on anything else.</summary>
    public static Xoshiro256 Restore(string state)
    {
        ArgumentNullException.ThrowIfNull(state);
        var parts = state.Split(':');
        var words = new ulong[4];
        if (parts.Length != 4 || !parts.Select((p, i) => p.Length == 16 && ulong.TryParse(p, NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out words[i])).All(ok => ok))
        {
            throw new FormatException($"'{state}' is not a saved generator state (four 16-digit hex words separated by ':').");
        }

        try
        {
            return new Xoshiro256(words[0], words[1], words[2], words[3]);
        }
        catch (ArgumentException e)
        {
            throw new FormatException(e.Message, e);
        }
    }

    /// <summary>The state as four hex words, for the run state.</summary>
    public string SaveState() => string.Create(CultureInfo.InvariantCulture, $"{s0:x16}:{s1:x16}:{s2:x16}:{s3:x16}");

    /// <summary>The next 64 random bits.</summary>
    public ulong NextUInt64()
    {
        var result = ulong.RotateLeft(s1 * 5, 7) * 9;
        var t = s1 << 17;
        s2 ^= s0;
        s3 ^= s1;
        s1 ^= s2;
        s0 ^= s3;
        s2 ^= t;
        s3 = ulong.RotateLeft(s3, 45);
        return result;
    }

    /// <summary>A double uniform in [0, 1) from the top 53 bits.</summary>
    public double NextDouble() => (NextUInt64() >> 11) * (1.0 / (1UL << 53));

    /// <summary>An integer uniform in [0, <paramref name="bound"/>), without modulo bias (Lemire's method).</summary>
    public ulong NextBelow(ulong bound)
    {
        ArgumentOutOfRangeException.ThrowIfZero(bound);
        var product = Math.BigMul(NextUInt64(), bound, out var low);
        if (low < bound)
        {
            var threshold = (0 - bound) % bound;
            while (low < threshold)
            {
                product = Math.BigMul(NextUInt64(), bound, out low);
            }
        }

        return product;
    }

    private static ulong SplitMix(ref ulong x)
    {
        var z = x += 0x9E3779B97F4A7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }
}
