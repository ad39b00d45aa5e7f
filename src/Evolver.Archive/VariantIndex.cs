using System.Globalization;
using Microsoft.Data.Sqlite;

namespace Evolver.Archive;

/// <summary>
/// The SQLite index beside the repository: a cache of what refs and notes say, for fast queries. Writers hold the
/// archive's write lock, so SQLite never sees two writers; WAL mode lets readers in other processes go on meanwhile.
/// </summary>
internal sealed class VariantIndex : IDisposable
{
    private const string SchemaVersion = "3";
    private const string NotesHeadKey = "notes_head";

    /// <summary>Meta key of the change counter: each write transaction stamps the rows it touches with the next value.</summary>
    public const string VersionKey = "version";

    /// <summary>Meta key of the rebuild epoch: a rebuild renumbers everything, so readers holding a cache start over.</summary>
    public const string EpochKey = "epoch";

    private readonly SqliteConnection connection;

    private VariantIndex(SqliteConnection connection)
    {
        this.connection = connection;
        Reader = new IndexReader(connection);
    }

    public IndexReader Reader { get; }

    /// <summary>Opens or creates the index; <paramref name="needsRebuild"/> is true when it was missing or unusable.</summary>
    public static VariantIndex Open(string path, out bool needsRebuild)
    {
        try
        {
            return OpenCore(path, out needsRebuild);
        }
        catch (SqliteException)
        {
            // The index is only a cache: a damaged file is replaced and rebuilt from git.
            foreach (var file in new[] { path, path + "-wal", path + "-shm" })
            {
                File.Delete(file);
            }

            var index = OpenCore(path, out _);
            needsRebuild = true;
            return index;
        }
    }

    public string? NotesHead => Meta(NotesHeadKey);

    /// <summary>
    /// Adds new variants' rows (or replaces rows, keeping their children counts) and records the notes head they
    /// reflect, in one transaction.
    /// </summary>
    public void Upsert(IReadOnlyList<IndexRow> rows, string notesHead) => InTransaction(tx =>
    {
        var tasks = TaskTable.Load(connection, tx);
        var version = long.Parse(Meta(VersionKey, tx) ?? "0", CultureInfo.InvariantCulture) + 1;
        foreach (var row in rows)
        {
            var existing = Scalar(tx, "SELECT children FROM variants WHERE id = $id", ("$id", row.Id));
            Execute(tx, "DELETE FROM variants WHERE id = $id", ("$id", row.Id));
            tasks.Ensure(row.Outcomes.Keys);
            InsertRow(row, Convert.ToInt32(existing ?? 0, CultureInfo.InvariantCulture), version, tasks, tx);
            if (existing is null)
            {
                foreach (var parent in row.Parents.Distinct(StringComparer.Ordinal))
                {
                    Execute(tx, "UPDATE variants SET children = children + 1, version = $v WHERE id = $p", ("$p", parent), ("$v", version));
                }
            }
        }

        SetMeta(NotesHeadKey, notesHead, tx);
        SetMeta(VersionKey, version.ToString(CultureInfo.InvariantCulture), tx);
    });

    /// <summary>Replaces the whole index with <paramref name="rows"/>, in one transaction.</summary>
    public void Replace(IReadOnlyCollection<IndexRow> rows, string? notesHead) => InTransaction(tx =>
    {
        var children = ChildCounts(rows);
        Execute(tx, "DELETE FROM variants");
        Execute(tx, "DELETE FROM tasks");
        var tasks = TaskTable.Load(connection, tx);
        tasks.Ensure(rows.SelectMany(r => r.Outcomes.Keys).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal));
        foreach (var row in rows)
        {
            InsertRow(row, children.GetValueOrDefault(row.Id), 1, tasks, tx);
        }

        SetMeta(NotesHeadKey, notesHead, tx);
        SetMeta(VersionKey, "1", tx);
        SetMeta(EpochKey, Guid.NewGuid().ToString("N"), tx);
    });

    public static Dictionary<string, int> ChildCounts(IEnumerable<IndexRow> rows)
    {
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var parent in rows.SelectMany(r => r.Parents.Distinct(StringComparer.Ordinal)))
        {
            counts[parent] = counts.GetValueOrDefault(parent) + 1;
        }

        return counts;
    }

    public void Dispose() => connection.Dispose();

    private static VariantIndex OpenCore(string path, out bool needsRebuild)
    {
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder
        {
            DataSource = path,
            Pooling = false,
            DefaultTimeout = 60,
        }.ToString());
        try
        {
            connection.Open();
            Execute(connection, null, "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA busy_timeout=60000;");
            needsRebuild = EnsureSchema(connection);
            return new VariantIndex(connection);
        }
        catch
        {
            connection.Dispose();
            throw;
        }
    }

    private static bool EnsureSchema(SqliteConnection connection)
    {
        using var tx = connection.BeginTransaction();
        Execute(connection, tx, "CREATE TABLE IF NOT EXISTS meta(key TEXT PRIMARY KEY, value TEXT NOT NULL)");
        var version = Scalar(connection, tx, "SELECT value FROM meta WHERE key = 'schema'") as string;
        if (version == SchemaVersion)
        {
            tx.Commit();
            return false;
        }

        Execute(connection, tx, $"""
            DROP TABLE IF EXISTS variants;
            DROP TABLE IF EXISTS tasks;
            DELETE FROM meta;
            CREATE TABLE variants(
                id TEXT PRIMARY KEY,
                seq INTEGER,
                commit_sha TEXT NOT NULL,
                parents TEXT NOT NULL,
                first_parent TEXT,
                generation INTEGER NOT NULL,
                score REAL NOT NULL,
                admitted INTEGER NOT NULL,
                status TEXT NOT NULL,
                mutator TEXT NOT NULL,
                summary TEXT NOT NULL,
                cost REAL NOT NULL,
                tokens INTEGER NOT NULL,
                created_ms INTEGER NOT NULL,
                outcomes TEXT NOT NULL,
                children INTEGER NOT NULL,
                issue TEXT,
                version INTEGER NOT NULL);
            CREATE INDEX variants_first_parent ON variants(first_parent);
            CREATE INDEX variants_seq ON variants(seq);
            CREATE INDEX variants_commit ON variants(commit_sha);
            CREATE INDEX variants_version ON variants(version);
            -- Covers the parent-selection read: admitted rows in id order, without touching the table.
            CREATE INDEX variants_selection ON variants(seq, id, score, children, generation, outcomes) WHERE admitted = 1 AND issue IS NULL;
            CREATE TABLE tasks(idx INTEGER PRIMARY KEY, instance_id TEXT NOT NULL UNIQUE);
            INSERT INTO meta(key, value) VALUES ('schema', '{SchemaVersion}');
            """);
        tx.Commit();
        return true;
    }

    private void InTransaction(Action<SqliteTransaction> work)
    {
        using var tx = connection.BeginTransaction();
        work(tx);
        tx.Commit();
    }

    private void InsertRow(IndexRow row, int children, long version, TaskTable tasks, SqliteTransaction tx) => Execute(
        tx,
        """
        INSERT INTO variants(id, seq, commit_sha, parents, first_parent, generation, score, admitted, status, mutator,
                             summary, cost, tokens, created_ms, outcomes, children, issue, version)
        VALUES ($id, $seq, $commit, $parents, $first, $gen, $score, $admitted, $status, $mutator,
                $summary, $cost, $tokens, $created, $outcomes, $children, $issue, $version)
        """,
        ("$id", row.Id),
        ("$seq", ArchiveLayout.Sequence(row.Id)),
        ("$commit", row.Summary.Commit),
        ("$parents", string.Join(' ', row.Parents)),
        ("$first", row.Parents.Count > 0 ? row.Parents[0] : null),
        ("$gen", row.Summary.Generation),
        ("$score", row.Summary.Score),
        ("$admitted", row.Summary.Admitted),
        ("$status", row.Summary.Status.ToString()),
        ("$mutator", row.Summary.Mutator),
        ("$summary", row.Summary.Summary),
        ("$cost", row.Summary.CostUsd),
        ("$tokens", row.Summary.Tokens),
        ("$created", row.Summary.CreatedAt.ToUnixTimeMilliseconds()),
        ("$outcomes", tasks.Encode(row.Outcomes)),
        ("$children", children),
        ("$issue", row.Summary.Issue),
        ("$version", version));

    private string? Meta(string key, SqliteTransaction? tx = null) =>
        Scalar(connection, tx, "SELECT value FROM meta WHERE key = $k", ("$k", key)) as string;

    private void SetMeta(string key, string? value, SqliteTransaction tx)
    {
        if (value is null)
        {
            Execute(tx, "DELETE FROM meta WHERE key = $k", ("$k", key));
        }
        else
        {
            Execute(tx, "INSERT OR REPLACE INTO meta(key, value) VALUES ($k, $v)", ("$k", key), ("$v", value));
        }
    }

    private void Execute(SqliteTransaction tx, string sql, params (string Name, object? Value)[] parameters) =>
        Execute(connection, tx, sql, parameters);

    private object? Scalar(SqliteTransaction tx, string sql, params (string Name, object? Value)[] parameters) =>
        Scalar(connection, tx, sql, parameters);

    internal static void Execute(SqliteConnection connection, SqliteTransaction? tx, string sql, params (string Name, object? Value)[] parameters)
    {
        using var command = Command(connection, tx, sql, parameters);
        command.ExecuteNonQuery();
    }

    internal static object? Scalar(SqliteConnection connection, SqliteTransaction? tx, string sql, params (string Name, object? Value)[] parameters)
    {
        using var command = Command(connection, tx, sql, parameters);
        var value = command.ExecuteScalar();
        return value is DBNull ? null : value;
    }

    internal static SqliteCommand Command(SqliteConnection connection, SqliteTransaction? tx, string sql, params (string Name, object? Value)[] parameters)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        command.Transaction = tx;
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value ?? DBNull.Value);
        }

        return command;
    }
}
