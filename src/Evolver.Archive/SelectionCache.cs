using Evolver.Core;

namespace Evolver.Archive;

/// <summary>
/// The parent-selection inputs of one open archive, kept between reads. Every index write stamps the rows it touches
/// with a rising version, so a later read fetches only rows newer than the cache (a commit touches the child and its
/// parents); a rebuild changes the epoch and the cache starts over. Writes by other processes are seen the same way.
/// The list stays in index order, so changes are placed by binary search rather than through a per-id dictionary,
/// which would cost more than the full read itself.
/// </summary>
internal sealed class SelectionCache(string? snapshotPath = null)
{
    private static readonly Comparer<string> IdOrder = Comparer<string>.Create(Compare);

    private List<ParentCandidate> ordered = [];

    /// <summary>The file a newly opened archive starts from (see <see cref="SelectionSnapshot"/>), or null for none.</summary>
    public string? SnapshotPath => snapshotPath;

    public string? Epoch { get; private set; }

    public long Version { get; private set; }

    /// <summary>Orders as the index does: chosen ids (no number) by name first, then generated ids by number.</summary>
    public static int Compare(string? a, string? b)
    {
        var (sa, sb) = (ArchiveLayout.Sequence(a ?? ""), ArchiveLayout.Sequence(b ?? ""));
        return sa.HasValue != sb.HasValue ? (sa.HasValue ? 1 : -1)
            : sa != sb ? sa!.Value.CompareTo(sb!.Value)
            : string.CompareOrdinal(a, b);
    }

    public void Reset(string? epoch)
    {
        Epoch = epoch;
        Version = 0;
        ordered = [];
    }

    /// <summary>Starts from a snapshot's rows, which are in index order, taken at <paramref name="version"/>.</summary>
    public void Load(long version, List<ParentCandidate> rows)
    {
        ordered = rows;
        Version = version;
    }

    /// <summary>Adds a row read in index order after <see cref="Reset"/>.</summary>
    public void Append(ParentCandidate candidate) => ordered.Add(candidate);

    /// <summary>Applies a changed row; a null candidate means the variant is no longer selectable.</summary>
    public void Apply(string id, ParentCandidate? candidate)
    {
        var at = BinarySearch(id);
        if (at >= 0 && candidate is null)
        {
            ordered.RemoveAt(at);
        }
        else if (at >= 0)
        {
            ordered[at] = candidate!;
        }
        else if (candidate is not null)
        {
            ordered.Insert(~at, candidate);
        }
    }

    public void MarkRead(long version) => Version = version;

    public IReadOnlyList<ParentCandidate> Snapshot() => ordered.ToArray();

    /// <summary>Writes the rows as the snapshot file, when the cache has one.</summary>
    public void Save(IReadOnlyList<string> tasks)
    {
        if (snapshotPath is not null)
        {
            SelectionSnapshot.TrySave(snapshotPath, Epoch, Version, tasks, ordered);
        }
    }

    private int BinarySearch(string id)
    {
        var (low, high) = (0, ordered.Count - 1);
        while (low <= high)
        {
            var mid = low + ((high - low) / 2);
            var order = IdOrder.Compare(ordered[mid].Id, id);
            if (order == 0)
            {
                return mid;
            }

            (low, high) = order < 0 ? (mid + 1, high) : (low, mid - 1);
        }

        return ~low;
    }
}
