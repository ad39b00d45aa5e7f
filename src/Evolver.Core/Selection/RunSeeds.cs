using System.Text;

namespace Evolver.Core;

/// <summary>
/// Seeds derived from a run's seed for each random choice (a selection draw, a mutation, a task order), so that
/// iteration i's choices depend only on (run seed, purpose, i). A resumed run thus continues the same random stream
/// without saving a <see cref="Random"/>'s state, and parallel workers do not share one.
/// </summary>
public static class RunSeeds
{
    /// <summary>The seed for <paramref name="purpose"/> (e.g. <c>select</c>) at step <paramref name="index"/> of run <paramref name="runSeed"/>.</summary>
    /// <param name="runSeed">The run's seed from its config.</param>
    /// <param name="purpose">What the seed is for; different purposes get unrelated seeds.</param>
    /// <param name="index">The iteration or child number.</param>
    public static int Derive(int runSeed, string purpose, long index)
    {
        ArgumentNullException.ThrowIfNull(purpose);

        // FNV-1a of the purpose, not string.GetHashCode, which is randomised per process.
        var hash = 14695981039346656037UL;
        foreach (var b in Encoding.UTF8.GetBytes(purpose))
        {
            hash = (hash ^ b) * 1099511628211UL;
        }

        var mixed = Mix(Mix((ulong)(uint)runSeed ^ hash) + (ulong)index);
        return (int)(mixed >> 33);
    }

    /// <summary>SplitMix64's finaliser: a bijection that spreads every input bit over the output.</summary>
    private static ulong Mix(ulong z)
    {
        z += 0x9E3779B97F4A7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }
}
