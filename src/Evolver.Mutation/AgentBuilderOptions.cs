namespace Evolver.Mutation;

/// <summary>Settings of <see cref="AgentBuilder"/>.</summary>
public sealed class AgentBuilderOptions
{
    /// <summary>
    /// A folder of framework assemblies to compile against, or null (the default) for the reference pack of the running
    /// runtime's major.minor version under the .NET root (<c>packs/Microsoft.NETCore.App.Ref/*/ref/netX.Y</c>), falling
    /// back to the running runtime's own framework folder when no reference pack is installed.
    /// </summary>
    public string? ReferenceAssembliesDirectory { get; init; }

    /// <summary>At most this many diagnostics are kept in a result (errors first); the rest are counted on one line. Default 100.</summary>
    public int MaxDiagnostics { get; init; } = 100;

    /// <summary>Throws when a setting is out of range.</summary>
    /// <exception cref="ArgumentException">A setting is invalid.</exception>
    internal void Validate()
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(MaxDiagnostics, 1, nameof(MaxDiagnostics));
        if (ReferenceAssembliesDirectory is not null && !Directory.Exists(ReferenceAssembliesDirectory))
        {
            throw new ArgumentException(
                $"{nameof(ReferenceAssembliesDirectory)} {ReferenceAssembliesDirectory} does not exist", nameof(ReferenceAssembliesDirectory));
        }
    }
}
