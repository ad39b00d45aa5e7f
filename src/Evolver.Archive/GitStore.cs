using System.Text.Json;
using LibGit2Sharp;

namespace Evolver.Archive;

/// <summary>The archive's git repository: variant refs, the marker ref and the notes.</summary>
internal sealed class GitStore : IDisposable
{
    private GitStore(Repository repo, string path)
    {
        Repo = repo;
        Path = path;
        GitDirectory = System.IO.Path.TrimEndingDirectorySeparator(repo.Info.Path);
        RefLocks = new GitRefLocks(GitDirectory);
        Notes = new NotesStore(repo, RefLocks);
    }

    public Repository Repo { get; }

    /// <summary>The archive folder as the caller named it, for messages.</summary>
    public string Path { get; }

    public string GitDirectory { get; }

    public GitRefLocks RefLocks { get; }

    public NotesStore Notes { get; }

    /// <summary>Opens <paramref name="path"/>; throws <see cref="ArchiveException"/> naming it when it is not an archive.</summary>
    public static GitStore Open(string path)
    {
        if (!Directory.Exists(path))
        {
            throw new ArchiveException($"'{path}' is not an Evolver archive: the folder does not exist.");
        }

        if (!Repository.IsValid(path))
        {
            throw new ArchiveException($"'{path}' is not an Evolver archive: it is not a git repository.");
        }

        var repo = new Repository(path);
        try
        {
            CheckMarker(repo, path);
            return new GitStore(repo, path);
        }
        catch
        {
            repo.Dispose();
            throw;
        }
    }

    /// <summary>Creates a bare repository with the marker ref at <paramref name="path"/>.</summary>
    public static GitStore Create(string path, Signature signature)
    {
        Repository.Init(path, isBare: true);
        var repo = new Repository(path);
        try
        {
            var marker = JsonSerializer.SerializeToUtf8Bytes(
                new { format = ArchiveLayout.Format, created_at = signature.When },
                new JsonSerializerOptions { WriteIndented = true });
            using var stream = new MemoryStream(marker);
            var definition = new TreeDefinition().Add(ArchiveLayout.MarkerFile, repo.ObjectDatabase.CreateBlob(stream), Mode.NonExecutableFile);
            var tree = repo.ObjectDatabase.CreateTree(definition);
            var commit = repo.ObjectDatabase.CreateCommit(signature, signature, "Evolver archive\n", tree, [], prettifyMessage: false);
            repo.Refs.Add(ArchiveLayout.MarkerRef, commit.Id, allowOverwrite: false);
            return new GitStore(repo, path);
        }
        catch
        {
            repo.Dispose();
            throw;
        }
    }

    /// <summary>The commit of variant <paramref name="id"/>, or null when it has no ref.</summary>
    public Commit? FindVariant(string id)
    {
        if (!ArchiveLayout.IsValidId(id))
        {
            return null;
        }

        var reference = Repo.Refs[ArchiveLayout.VariantRef(id)];
        if (reference is null)
        {
            return null;
        }

        return reference.ResolveToDirectReference()?.Target as Commit
            ?? throw new ArchiveException(
                $"Ref {ArchiveLayout.VariantRef(id)} in '{Path}' does not point to a commit; run `evolver archive fsck`.");
    }

    /// <summary>The commit of variant <paramref name="id"/>; throws <see cref="ArchiveException"/> naming the missing ref.</summary>
    public Commit ResolveVariant(string id) =>
        FindVariant(id) ?? throw new ArchiveException(
            ArchiveLayout.IsValidId(id)
                ? $"No variant '{id}' in '{Path}': ref {ArchiveLayout.VariantRef(id)} does not exist."
                : $"'{id}' is not a valid variant id.");

    /// <summary>All variant refs, by id.</summary>
    public IEnumerable<(string Id, Reference Reference)> VariantRefs() =>
        Repo.Refs.FromGlob(ArchiveLayout.VariantRefPrefix + "*")
            .Select(r => (r.CanonicalName[ArchiveLayout.VariantRefPrefix.Length..], r));

    /// <summary>Creates a variant's ref; fails if it exists. Caller holds the write lock.</summary>
    public void CreateVariantRef(string id, ObjectId commit)
    {
        var name = ArchiveLayout.VariantRef(id);
        RefLocks.ClearStale(name);
        Repo.Refs.Add(name, commit, allowOverwrite: false);
    }

    /// <summary>Points a variant's logs ref at its logs commit, replacing one a dead writer left. Caller holds the write lock.</summary>
    public void SetLogsRef(string id, ObjectId commit)
    {
        var name = ArchiveLayout.LogsRef(id);
        RefLocks.ClearStale(name);
        Repo.Refs.Add(name, commit, allowOverwrite: true);
    }

    /// <summary>All logs refs: variant id to the commit they point to.</summary>
    public Dictionary<string, string> LogsRefs() =>
        Repo.Refs.FromGlob(ArchiveLayout.LogsRefPrefix + "*")
            .ToDictionary(r => r.CanonicalName[ArchiveLayout.LogsRefPrefix.Length..], r => r.TargetIdentifier, StringComparer.Ordinal);

    public void Dispose() => Repo.Dispose();

    private static void CheckMarker(Repository repo, string path)
    {
        var marker = repo.Refs[ArchiveLayout.MarkerRef]?.ResolveToDirectReference()?.Target as Commit
            ?? throw new ArchiveException(
                $"'{path}' is a git repository but not an Evolver archive: it has no {ArchiveLayout.MarkerRef} ref.");
        var blob = marker[ArchiveLayout.MarkerFile]?.Target as Blob
            ?? throw new ArchiveException($"'{path}': {ArchiveLayout.MarkerRef} has no {ArchiveLayout.MarkerFile}.");
        int format;
        try
        {
            using var doc = JsonDocument.Parse(blob.GetContentText());
            format = doc.RootElement.GetProperty("format").GetInt32();
        }
        catch (Exception e) when (e is JsonException or KeyNotFoundException or InvalidOperationException or FormatException)
        {
            throw new ArchiveException($"'{path}': {ArchiveLayout.MarkerFile} in {ArchiveLayout.MarkerRef} is corrupt: {e.Message}", e);
        }

        if (format > ArchiveLayout.Format)
        {
            throw new ArchiveException($"'{path}' uses archive format {format}; this Evolver reads up to {ArchiveLayout.Format}.");
        }
    }
}
