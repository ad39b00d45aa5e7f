namespace Evolver.Core;

/// <summary>How a mutation ended.</summary>
public enum MutationStatus
{
    /// <summary>A child was written and passed validation.</summary>
    Succeeded,

    /// <summary>A child was written but validation rejected it (compile errors, protected edit, banned API, too large).</summary>
    Rejected,

    /// <summary>No child could be made (no applicable operator, the model refused or failed, the parents are unusable).</summary>
    Failed,
}
