namespace Evolver.Mutation;

/// <summary>Settings of <see cref="GpMutator"/>.</summary>
public sealed class GpMutatorOptions
{
    /// <summary>Most operators applied to one child; the count is drawn from 1 to this. Default 2.</summary>
    public int MaxOperators { get; init; } = 2;

    /// <summary>
    /// Children drawn per request until one passes validation (each further draw continues the same random stream, so
    /// the result stays reproducible). Default 3; 1 returns the first child whatever validation says.
    /// </summary>
    public int MaxAttempts { get; init; } = 3;

    /// <summary>The operators single-parent mutations draw from. Default: all but <see cref="GpOperator.Crossover"/>, which two parents always use.</summary>
    public IReadOnlyList<GpOperator> Operators { get; init; } =
        [GpOperator.Literal, GpOperator.Condition, GpOperator.DeleteStatement, GpOperator.DuplicateStatement, GpOperator.SwapStatements, GpOperator.SwapCall];

    /// <summary>Throws when a setting is out of range.</summary>
    /// <exception cref="ArgumentException">A setting is invalid.</exception>
    internal void Validate()
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(MaxOperators, 1, nameof(MaxOperators));
        ArgumentOutOfRangeException.ThrowIfGreaterThan(MaxOperators, 20, nameof(MaxOperators));
        ArgumentOutOfRangeException.ThrowIfLessThan(MaxAttempts, 1, nameof(MaxAttempts));
        ArgumentOutOfRangeException.ThrowIfGreaterThan(MaxAttempts, 100, nameof(MaxAttempts));
        ArgumentNullException.ThrowIfNull(Operators, nameof(Operators));
        if (Operators.Count == 0 || Operators.Contains(GpOperator.Crossover) || Operators.Distinct().Count() != Operators.Count)
        {
            throw new ArgumentException($"{nameof(Operators)} must name at least one single-parent operator, each once, and not {nameof(GpOperator.Crossover)}", nameof(Operators));
        }
    }
}
