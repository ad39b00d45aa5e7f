namespace Evolver.Mutation;

/// <summary>Settings of <see cref="SelfMutator"/>.</summary>
public sealed class SelfMutatorOptions
{
    /// <summary>The sandbox image family the parent runs in. Default <c>evolver-dotnet</c>, which has the .NET SDK, so the agent can build its own source.</summary>
    public string Image { get; init; } = "evolver-dotnet";

    /// <summary>Seconds the parent may work on itself. Default 1800.</summary>
    public int AgentSeconds { get; init; } = 1800;

    /// <summary>Failed tasks listed in the problem statement, with their reasons. Default 10.</summary>
    public int MaxFailuresShown { get; init; } = 10;

    /// <summary>Throws when a setting is out of range.</summary>
    /// <exception cref="ArgumentException">A setting is invalid.</exception>
    internal void Validate()
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(Image, nameof(Image));
        ArgumentOutOfRangeException.ThrowIfLessThan(AgentSeconds, 1, nameof(AgentSeconds));
        ArgumentOutOfRangeException.ThrowIfNegative(MaxFailuresShown, nameof(MaxFailuresShown));
    }
}
