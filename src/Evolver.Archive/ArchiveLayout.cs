using System.Text.RegularExpressions;

namespace Evolver.Archive;

/// <summary>Names of the refs and files that make up an archive.</summary>
internal static partial class ArchiveLayout
{
    /// <summary>Prefix of variant refs; the rest of the name is the variant id.</summary>
    public const string VariantRefPrefix = "refs/evolver/variants/";

    /// <summary>Prefix of the refs that keep each variant's logs commit reachable.</summary>
    public const string LogsRefPrefix = "refs/evolver/logs/";

    /// <summary>Marks a repository as an archive; its commit's tree holds <see cref="MarkerFile"/>.</summary>
    public const string MarkerRef = "refs/evolver/archive";

    /// <summary>The notes ref holding the evaluation records.</summary>
    public const string NotesRef = "refs/notes/evolver";

    /// <summary>The file in the marker commit's tree.</summary>
    public const string MarkerFile = "archive.json";

    /// <summary>The archive format this code writes and reads.</summary>
    public const int Format = 1;

    /// <summary>The SQLite index, inside the git directory (git ignores unknown files there).</summary>
    public const string IndexFile = "index.sqlite";

    /// <summary>The cross-process write lock, inside the git directory.</summary>
    public const string LockFile = "evolver.lock";

    public static string VariantRef(string id) => VariantRefPrefix + id;

    public static string LogsRef(string id) => LogsRefPrefix + id;

    /// <summary>Whether <paramref name="id"/> is usable as a ref name component and a CLI argument.</summary>
    public static bool IsValidId(string id) =>
        IdPattern().IsMatch(id) && !id.EndsWith(".lock", StringComparison.Ordinal) && !id.Contains("..", StringComparison.Ordinal);

    /// <summary>The number of a generated id <c>v&lt;n&gt;</c>, or null for a chosen id.</summary>
    public static long? Sequence(string id) =>
        id.Length > 1 && id[0] == 'v' && id.Skip(1).All(char.IsAsciiDigit) && id.Length < 19 && (id.Length == 2 || id[1] != '0')
            ? long.Parse(id.AsSpan(1), System.Globalization.CultureInfo.InvariantCulture)
            : null;

    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$")]
    private static partial Regex IdPattern();
}
