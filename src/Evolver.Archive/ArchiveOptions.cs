namespace Evolver.Archive;

/// <summary>Settings of an open archive. The defaults suit a run; validated once when the archive opens.</summary>
public sealed class ArchiveOptions
{
    /// <summary>How long a writer waits for the cross-process write lock before giving up. Default 2 minutes.</summary>
    public TimeSpan LockTimeout { get; init; } = TimeSpan.FromMinutes(2);

    /// <summary>Folder names left out of a variant's tree wherever they occur. Default <c>.git</c>, <c>bin</c>, <c>obj</c>.</summary>
    public IReadOnlyList<string> ExcludedDirectories { get; init; } = [".git", "bin", "obj"];

    /// <summary>Author and committer name of variant commits. Default <c>evolver</c>.</summary>
    public string AuthorName { get; init; } = "evolver";

    /// <summary>Author and committer e-mail of variant commits. Default <c>evolver@localhost</c>.</summary>
    public string AuthorEmail { get; init; } = "evolver@localhost";

    /// <summary>Throws <see cref="ArgumentException"/> when a setting is out of range.</summary>
    public void Validate()
    {
        if (LockTimeout <= TimeSpan.Zero)
        {
            throw new ArgumentException("LockTimeout must be positive.", nameof(LockTimeout));
        }

        if (string.IsNullOrWhiteSpace(AuthorName) || string.IsNullOrWhiteSpace(AuthorEmail))
        {
            throw new ArgumentException("AuthorName and AuthorEmail must not be empty.", nameof(AuthorName));
        }

        if (ExcludedDirectories.Any(d => string.IsNullOrWhiteSpace(d) || d.Contains('/') || d.Contains('\\')))
        {
            throw new ArgumentException("ExcludedDirectories holds plain folder names.", nameof(ExcludedDirectories));
        }
    }
}
