using Microsoft.Data.Sqlite;

namespace Evolver.Archive;

/// <summary>
/// The index's task dictionary: each task id gets a position, and a variant's outcomes are stored as one letter per
/// position. Loaded inside each transaction, because another process may have added tasks or rebuilt the index.
/// </summary>
internal sealed class TaskTable
{
    private readonly SqliteConnection connection;
    private readonly SqliteTransaction tx;
    private readonly Dictionary<string, int> positions = new(StringComparer.Ordinal);
    private readonly List<string> ids = [];

    private TaskTable(SqliteConnection connection, SqliteTransaction tx)
    {
        this.connection = connection;
        this.tx = tx;
    }

    public IReadOnlyList<string> Ids => ids;

    public static TaskTable Load(SqliteConnection connection, SqliteTransaction tx)
    {
        var table = new TaskTable(connection, tx);
        using var command = VariantIndex.Command(connection, tx, "SELECT idx, instance_id FROM tasks ORDER BY idx");
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            // Positions are dense from 0; anything else means a damaged table, which a rebuild fixes.
            if (reader.GetInt32(0) != table.ids.Count)
            {
                throw new InvalidOperationException("The index's task table has gaps; run `evolver archive reindex`.");
            }

            table.Add(reader.GetString(1));
        }

        return table;
    }

    /// <summary>Gives every id in <paramref name="taskIds"/> a position, appending new ones.</summary>
    public void Ensure(IEnumerable<string> taskIds)
    {
        foreach (var id in taskIds)
        {
            if (positions.ContainsKey(id))
            {
                continue;
            }

            VariantIndex.Execute(connection, tx, "INSERT INTO tasks(idx, instance_id) VALUES ($i, $t)", ("$i", ids.Count), ("$t", id));
            Add(id);
        }
    }

    public string Encode(IReadOnlyDictionary<string, char> outcomes)
    {
        if (outcomes.Count == 0)
        {
            return "";
        }

        var length = outcomes.Keys.Max(k => positions[k]) + 1;
        var codes = new char[length];
        Array.Fill(codes, '-');
        foreach (var (task, code) in outcomes)
        {
            codes[positions[task]] = code;
        }

        return new string(codes);
    }

    public Dictionary<string, char> Decode(string codes)
    {
        var outcomes = new Dictionary<string, char>(StringComparer.Ordinal);
        for (var i = 0; i < codes.Length; i++)
        {
            if (codes[i] != '-')
            {
                outcomes[ids[i]] = codes[i];
            }
        }

        return outcomes;
    }

    private void Add(string id)
    {
        positions[id] = ids.Count;
        ids.Add(id);
    }
}
