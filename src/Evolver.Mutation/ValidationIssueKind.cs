namespace Evolver.Mutation;

/// <summary>Why a child agent is rejected.</summary>
public enum ValidationIssueKind
{
    /// <summary>The source does not compile.</summary>
    CompileError,

    /// <summary>The child changes protected code: the SDK, the entry contract, or a member marked <c>// evolver:protected</c>.</summary>
    ProtectedEdit,

    /// <summary>The child uses an API agents may not use (environment, sockets, processes, reflection, files outside the repository...).</summary>
    BannedApi,

    /// <summary>The child's folder holds too many files or bytes.</summary>
    TooLarge,
}
