using Evolver.Core;

namespace Evolver.Archive;

/// <summary>
/// The parent-selection inputs of one open archive, kept between reads. Every index write stamps the rows it touches
/// with a rising version, so a later read fetches only rows newer than the cache (a commit touches the child and its
/// parents); a rebuild changes the epoch and the cache starts over. Writes by other processes are seen the same way.
/// </summary>
internal sealed class SelectionCache
{
    private readonly Dictionary<string, int> positions = new(StringComparer.Ordinal);
    private List<ParentCandidate> ordered = [];

    public string? Epoch { get; private set; }

    public long Version { get; private set; }

    /// <summary>Orders as the index does: chosen ids (no number) by name first, then generated ids by number.</summary>
    public static int Compare(string a, string b)
    {
        var (sa, sb) = (ArchiveLayout.Sequence(a), ArchiveLayout.Sequence(b));
        return sa.HasValue != sb.HasValue ? (sa.HasValue ? 1 : -1)
            : sa != sb ? sa!.Value.CompareTo(sb!.Value)
            : string.CompareOrdinal(a, b);
    }

    public void Reset(string? epoch)
    {
        Epoch = epoch;
        Version = 0;
        positions.Clear();
        ordered = [];
    }

    /// <summary>Applies rows read in index order after <see cref="Reset"/>.</summary>
    public void Append(ParentCandidate candidate)
    {
        positions[candidate.Id] = ordered.Count;
        ordered.Add(candidate);
    }

    /// <summary>Applies changed rows; a null candidate means the variant is no longer selectable.</summary>
    public void Apply(IReadOnlyList<(string Id, ParentCandidate? Candidate)> changes)
    {
        var reorder = false;
        foreach (var (id, candidate) in changes)
        {
            if (positions.TryGetValue(id, out var at))
            {
                if (candidate is null)
                {
                    ordered[at] = null!;
                    positions.Remove(id);
                    reorder = true;
                }
                else
                {
                    ordered[at] = candidate;
                }
            }
            else if (candidate is not null)
            {
                // New generated ids come in number order: append; anything else needs a re-sort.
                reorder |= ordered.Count > 0 && Compare(ordered[^1]?.Id ?? "", id) > 0;
                Append(candidate);
            }
        }

        if (reorder)
        {
            ordered = ordered.Where(c => c is not null).OrderBy(c => c.Id, Comparer<string>.Create(Compare)).ToList();
            positions.Clear();
            for (var i = 0; i < ordered.Count; i++)
            {
                positions[ordered[i].Id] = i;
            }
        }
    }

    public void MarkRead(long version) => Version = version;

    public IReadOnlyList<ParentCandidate> Snapshot() => ordered.ToArray();
}
