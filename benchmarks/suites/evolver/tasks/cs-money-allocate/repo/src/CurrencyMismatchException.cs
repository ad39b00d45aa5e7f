namespace Monetary;

/// <summary>Thrown when an operation mixes two currencies.</summary>
public sealed class CurrencyMismatchException(Currency left, Currency right)
    : InvalidOperationException($"Cannot combine {left.Code} and {right.Code}.")
{
    /// <summary>The currency of the left operand.</summary>
    public Currency Left { get; } = left;

    /// <summary>The currency of the right operand.</summary>
    public Currency Right { get; } = right;
}
