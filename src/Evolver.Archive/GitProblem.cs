namespace Evolver.Archive;

/// <summary>Something wrong in git that <see cref="IndexBuilder"/> met while deriving the index.</summary>
internal sealed record GitProblem(FsckFindingKind Kind, string Subject, string Message);
