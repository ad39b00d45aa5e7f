namespace Evolver.Core;

/// <summary>What a job of the run makes: a seed's evaluation or a child.</summary>
public enum ChildKind
{
    /// <summary>A seed agent from disk, evaluated and archived as generation 0.</summary>
    Seed,

    /// <summary>A child made by a mutator from parents in the archive.</summary>
    Child,
}
