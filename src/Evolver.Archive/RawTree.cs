using System.Text;
using LibGit2Sharp;

namespace Evolver.Archive;

/// <summary>
/// Writes tree objects from their entries directly. LibGit2Sharp's TreeDefinition goes through libgit2's tree
/// builder, which (with strict object creation, the default) checks that every entry's object exists: one object
/// database probe per entry, which for the notes trees (hundreds of entries each) cost more than the rest of a commit.
/// Here every entry is an object the caller just wrote or read from an existing tree.
/// </summary>
internal static class RawTree
{
    public static ObjectId Write(Repository repo, IEnumerable<KeyValuePair<string, (Mode Mode, ObjectId Id)>> entries)
    {
        var sorted = entries.ToList();
        sorted.Sort((a, b) => GitOrder(a.Key, a.Value.Mode, b.Key, b.Value.Mode));
        using var buffer = new MemoryStream();
        foreach (var (name, (mode, id)) in sorted)
        {
            buffer.Write(Encoding.ASCII.GetBytes(Convert.ToString((int)mode, 8) + " "));
            buffer.Write(Encoding.UTF8.GetBytes(name));
            buffer.WriteByte(0);
            buffer.Write(Convert.FromHexString(id.Sha));
        }

        return repo.ObjectDatabase.Write<Tree>(buffer.ToArray());
    }

    /// <summary>Reads a tree's entries by name.</summary>
    public static Dictionary<string, (Mode Mode, ObjectId Id)> Read(Tree? tree)
    {
        var entries = new Dictionary<string, (Mode, ObjectId)>(StringComparer.Ordinal);
        if (tree is not null)
        {
            foreach (var entry in tree)
            {
                entries[entry.Name] = (entry.Mode, entry.Target.Id);
            }
        }

        return entries;
    }

    // Git sorts tree entries by name bytes, a folder's name compared as if it ended in '/'.
    private static int GitOrder(string a, Mode modeA, string b, Mode modeB)
    {
        var x = Encoding.UTF8.GetBytes(modeA == Mode.Directory ? a + "/" : a);
        var y = Encoding.UTF8.GetBytes(modeB == Mode.Directory ? b + "/" : b);
        return x.AsSpan().SequenceCompareTo(y);
    }
}
