namespace Evolver.Archive;

/// <summary>
/// The archive cannot do what was asked: the folder is not an archive, a note is corrupt, a ref is missing,
/// or a commit is not a variant. The message names the path, ref or commit.
/// </summary>
public sealed class ArchiveException : Exception
{
    /// <summary>Creates the exception.</summary>
    public ArchiveException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with its cause.</summary>
    public ArchiveException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
