using Evolver.Core;
using Microsoft.Data.Sqlite;

namespace Evolver.Archive;

/// <summary>Queries over the index. Each runs in a read transaction, so it sees one consistent snapshot.</summary>
internal sealed class IndexReader(SqliteConnection connection)
{
    /// <summary>Changed rows a read applies to the cache before it writes a fresh selection snapshot.</summary>
    private const int SnapshotLag = 2000;

    private const string SummaryColumns =
        "id, commit_sha, parents, generation, score, admitted, status, children, cost, tokens, mutator, summary, created_ms, issue";

    public IReadOnlyList<VariantSummary> Query(VariantQuery query)
    {
        var where = new List<string>();
        var parameters = new List<(string, object?)>();
        if (query.AdmittedOnly)
        {
            where.Add("admitted = 1");
        }

        if (query.Status is { } status)
        {
            where.Add("status = $status");
            parameters.Add(("$status", status.ToString()));
        }

        if (query.MinScore is { } min)
        {
            where.Add("score >= $min");
            parameters.Add(("$min", min));
        }

        if (query.Mutator is { } mutator)
        {
            where.Add("mutator = $mutator");
            parameters.Add(("$mutator", mutator));
        }

        if (query.Generation is { } generation)
        {
            where.Add("generation = $gen");
            parameters.Add(("$gen", generation));
        }

        var direction = query.Descending ? "DESC" : "ASC";
        var key = query.Sort switch
        {
            VariantSort.Score => $"score {direction}, ",
            VariantSort.Generation => $"generation {direction}, ",
            VariantSort.Children => $"children {direction}, ",
            VariantSort.Cost => $"cost {direction}, ",
            VariantSort.Created => $"created_ms {direction}, ",
            _ => "",
        };
        var idDirection = query.Sort == VariantSort.Id ? direction : "ASC";
        var sql = $"SELECT {SummaryColumns} FROM variants"
            + (where.Count > 0 ? " WHERE " + string.Join(" AND ", where) : "")
            + $" ORDER BY {key}seq IS NULL {idDirection}, seq {idDirection}, id {idDirection}"
            + (query.Limit is { } limit ? $" LIMIT {Math.Max(0, limit)}" : "");
        return Read(sql, parameters.ToArray());
    }

    public VariantSummary? Get(string id) =>
        Read($"SELECT {SummaryColumns} FROM variants WHERE id = $id", ("$id", id)).SingleOrDefault();

    public string? IdOfCommit(string sha) =>
        InRead(tx => VariantIndex.Scalar(connection, tx, "SELECT id FROM variants WHERE commit_sha = $c LIMIT 1", ("$c", sha)) as string);

    /// <summary>The first-parent chain ending at <paramref name="id"/>, root first.</summary>
    public IReadOnlyList<VariantSummary> Lineage(string id) => Read(
        $"""
        WITH RECURSIVE chain(id, depth) AS (
            SELECT $id, 0
            UNION ALL
            SELECT v.first_parent, c.depth + 1 FROM variants v JOIN chain c ON v.id = c.id WHERE v.first_parent IS NOT NULL)
        SELECT {SummaryColumns} FROM chain JOIN variants USING (id) ORDER BY depth DESC
        """,
        ("$id", id));

    /// <summary>The admitted variants' selection inputs, read in full once and then only as far as rows changed.</summary>
    public IReadOnlyList<ParentCandidate> SelectionInputs(SelectionCache cache) => InRead(tx =>
    {
        var epoch = VariantIndex.Scalar(connection, tx, "SELECT value FROM meta WHERE key = $k", ("$k", VariantIndex.EpochKey)) as string;
        var version = long.Parse(
            VariantIndex.Scalar(connection, tx, "SELECT value FROM meta WHERE key = $k", ("$k", VariantIndex.VersionKey)) as string ?? "0",
            System.Globalization.CultureInfo.InvariantCulture);
        if (cache.Epoch == epoch && cache.Version == version)
        {
            return cache.Snapshot();
        }

        var tasks = TaskTable.Load(connection, tx).Ids.ToArray();
        var full = cache.Epoch != epoch || cache.Version == 0;
        var saveAfter = false;
        if (full)
        {
            cache.Reset(epoch);
            if (cache.SnapshotPath is { } path && SelectionSnapshot.TryLoad(path, epoch, version, tasks) is var (taken, rows))
            {
                cache.Load(taken, rows);
                full = false;
            }
            else
            {
                saveAfter = cache.SnapshotPath is not null;
            }
        }

        using var command = full
            ? VariantIndex.Command(connection, tx, "SELECT id, 1, score, children, generation, outcomes FROM variants INDEXED BY variants_selection WHERE admitted = 1 AND issue IS NULL ORDER BY seq, id")
            : VariantIndex.Command(connection, tx, "SELECT id, admitted = 1 AND issue IS NULL, score, children, generation, outcomes FROM variants WHERE version > $v", ("$v", cache.Version));
        using var reader = command.ExecuteReader();
        var changed = 0;
        while (reader.Read())
        {
            var id = reader.GetString(0);
            var candidate = reader.GetBoolean(1)
                ? new ParentCandidate(id, reader.GetDouble(2), reader.GetInt32(3), reader.GetInt32(4), new OutcomeVector(tasks, reader.GetString(5)))
                : null;
            if (full)
            {
                cache.Append(candidate!);
            }
            else
            {
                cache.Apply(id, candidate);
                changed++;
            }
        }

        cache.MarkRead(version);

        // A snapshot far behind the index would make every new process replay the same changes again.
        if (saveAfter || changed > SnapshotLag)
        {
            cache.Save(tasks);
        }

        return cache.Snapshot();
    });

    /// <summary>Every row with its stored children count, for fsck to compare against git.</summary>
    public Dictionary<string, (IndexRow Row, int Children)> ReadAllRows() => InRead(tx =>
    {
        var tasks = TaskTable.Load(connection, tx);
        var rows = new Dictionary<string, (IndexRow, int)>(StringComparer.Ordinal);
        using var command = VariantIndex.Command(connection, tx, $"SELECT {SummaryColumns}, outcomes FROM variants");
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            var summary = ReadSummary(reader);
            rows[summary.Id] = (new IndexRow(summary with { Children = 0 }, tasks.Decode(reader.GetString(14))), summary.Children);
        }

        return rows;
    });

    public long? MaxSequence() =>
        InRead(tx => VariantIndex.Scalar(connection, tx, "SELECT MAX(seq) FROM variants") as long?);

    public int Count() =>
        InRead(tx => Convert.ToInt32(VariantIndex.Scalar(connection, tx, "SELECT COUNT(*) FROM variants"), System.Globalization.CultureInfo.InvariantCulture));

    private List<VariantSummary> Read(string sql, params (string, object?)[] parameters) => InRead(tx =>
    {
        var list = new List<VariantSummary>();
        using var command = VariantIndex.Command(connection, tx, sql, parameters);
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            list.Add(ReadSummary(reader));
        }

        return list;
    });

    private T InRead<T>(Func<SqliteTransaction, T> read)
    {
        using var tx = connection.BeginTransaction(deferred: true);
        var result = read(tx);
        tx.Commit();
        return result;
    }

    private static VariantSummary ReadSummary(SqliteDataReader reader)
    {
        var parents = reader.GetString(2);
        return new VariantSummary
        {
            Id = reader.GetString(0),
            Commit = reader.GetString(1),
            Parents = parents.Length == 0 ? [] : parents.Split(' '),
            Generation = reader.GetInt32(3),
            Score = reader.GetDouble(4),
            Admitted = reader.GetBoolean(5),
            Status = Enum.Parse<VariantStatus>(reader.GetString(6)),
            Children = reader.GetInt32(7),
            CostUsd = reader.GetDouble(8),
            Tokens = reader.GetInt64(9),
            Mutator = reader.GetString(10),
            Summary = reader.GetString(11),
            CreatedAt = DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(12)),
            Issue = reader.IsDBNull(13) ? null : reader.GetString(13),
        };
    }
}
