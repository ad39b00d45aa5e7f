namespace Evolver.Core;

/// <summary>
/// Myers' O(ND) difference algorithm in linear space (the "middle snake" divide and conquer of
/// "An O(ND) Difference Algorithm and Its Variations", 1986). Marks which items of each sequence
/// are not part of a longest common subsequence, the way GNU diff and git's xdiff do.
/// </summary>
internal sealed class MyersDiff
{
    private readonly int[] _a;
    private readonly int[] _b;
    private readonly bool[] _removed;
    private readonly bool[] _added;
    private readonly int[] _forward;
    private readonly int[] _backward;

    private MyersDiff(int[] a, int[] b)
    {
        _a = a;
        _b = b;
        _removed = new bool[a.Length];
        _added = new bool[b.Length];
        var size = a.Length + b.Length + 3;
        _forward = new int[2 * size];
        _backward = new int[2 * size];
    }

    /// <summary>Items of <paramref name="a"/> to delete and of <paramref name="b"/> to insert for a shortest edit script.</summary>
    public static (bool[] Removed, bool[] Added) Compare(int[] a, int[] b)
    {
        var diff = new MyersDiff(a, b);
        diff.Compare(0, a.Length, 0, b.Length);
        return (diff._removed, diff._added);
    }

    private void Compare(int aLo, int aHi, int bLo, int bHi)
    {
        while (true)
        {
            while (aLo < aHi && bLo < bHi && _a[aLo] == _b[bLo])
            {
                aLo++;
                bLo++;
            }

            while (aLo < aHi && bLo < bHi && _a[aHi - 1] == _b[bHi - 1])
            {
                aHi--;
                bHi--;
            }

            if (aLo == aHi || bLo == bHi)
            {
                Array.Fill(_removed, true, aLo, aHi - aLo);
                Array.Fill(_added, true, bLo, bHi - bLo);
                return;
            }

            var (x, y) = MiddleSnake(aLo, aHi, bLo, bHi);
            if ((x == aLo && y == bLo) || (x == aHi && y == bHi))
            {
                // Cannot happen for trimmed, non-empty ranges; guard against endless recursion all the same.
                Array.Fill(_removed, true, aLo, aHi - aLo);
                Array.Fill(_added, true, bLo, bHi - bLo);
                return;
            }

            // Recurse on the smaller half, loop on the other: the stack stays shallow.
            if (x - aLo + y - bLo < aHi - x + bHi - y)
            {
                Compare(aLo, x, bLo, y);
                aLo = x;
                bLo = y;
            }
            else
            {
                Compare(x, aHi, y, bHi);
                aHi = x;
                bHi = y;
            }
        }
    }

    /// <summary>A point on a shortest edit path through the box, where the forward and backward searches meet.</summary>
    private (int X, int Y) MiddleSnake(int aLo, int aHi, int bLo, int bHi)
    {
        int n = aHi - aLo, m = bHi - bLo;
        var delta = n - m;
        var odd = (delta & 1) != 0;
        var maxD = (n + m + 1) / 2;
        var offset = maxD + 1;
        var fwd = _forward;
        var bwd = _backward;

        // fwd[offset + k]: furthest x reached on diagonal k = x - y going forward from (0, 0); -1 when none.
        // bwd[offset + k]: the same for the reversed problem, walking back from (n, m); its diagonal k is delta - k forward.
        // Only moves that stay inside the box are taken, so every stored point is a real, reachable one.
        Array.Fill(fwd, -1, 0, 2 * offset + 1);
        Array.Fill(bwd, -1, 0, 2 * offset + 1);
        for (var d = 0; d <= maxD; d++)
        {
            for (var k = -d; k <= d; k += 2)
            {
                var x = Step(fwd, offset, k, d, n, m);
                if (x < 0)
                {
                    continue;
                }

                var y = x - k;
                while (x < n && y < m && _a[aLo + x] == _b[bLo + y])
                {
                    x++;
                    y++;
                }

                fwd[offset + k] = x;
                var rk = delta - k;
                if (odd && rk >= -(d - 1) && rk <= d - 1 && bwd[offset + rk] >= 0 && x >= n - bwd[offset + rk])
                {
                    return (aLo + x, bLo + y);
                }
            }

            for (var k = -d; k <= d; k += 2)
            {
                var x = Step(bwd, offset, k, d, n, m);
                if (x < 0)
                {
                    continue;
                }

                var y = x - k;
                while (x < n && y < m && _a[aHi - 1 - x] == _b[bHi - 1 - y])
                {
                    x++;
                    y++;
                }

                bwd[offset + k] = x;
                var fk = delta - k;
                if (!odd && fk >= -d && fk <= d && fwd[offset + fk] >= 0 && fwd[offset + fk] >= n - x)
                {
                    var fx = fwd[offset + fk];
                    return (aLo + fx, bLo + fx - fk);
                }
            }
        }

        return (aLo, bLo);
    }

    /// <summary>
    /// Where an edit step of cost <paramref name="d"/> lands on diagonal <paramref name="k"/>, before following its snake:
    /// one to the right of diagonal k - 1 or one down from diagonal k + 1, whichever reaches further; -1 when neither stays in the box.
    /// </summary>
    private static int Step(int[] v, int offset, int k, int d, int n, int m)
    {
        if (d == 0)
        {
            return 0;
        }

        if (k < -m || k > n)
        {
            v[offset + k] = -1;
            return -1;
        }

        var right = k > -d && v[offset + k - 1] >= 0 && v[offset + k - 1] + 1 <= n ? v[offset + k - 1] + 1 : -1;
        var down = k < d && v[offset + k + 1] >= 0 && v[offset + k + 1] - k <= m ? v[offset + k + 1] : -1;
        var x = Math.Max(right, down);
        v[offset + k] = x;
        return x;
    }
}
