using System.Globalization;

namespace Monetary;

/// <summary>An amount in a currency, always rounded to the currency's minor unit.</summary>
public readonly struct Money : IEquatable<Money>, IComparable<Money>
{
    private Money(decimal amount, Currency currency)
    {
        Amount = amount;
        Currency = currency;
    }

    /// <summary>The amount, with at most <see cref="Currency.MinorUnits"/> decimals.</summary>
    public decimal Amount { get; }

    /// <summary>The currency.</summary>
    public Currency Currency { get; }

    /// <summary>Creates money, rounding <paramref name="amount"/> to the minor unit.</summary>
    public static Money Of(decimal amount, Currency currency, MidpointRounding rounding = MidpointRounding.ToEven)
    {
        ArgumentNullException.ThrowIfNull(currency);
        return new Money(Math.Round(amount, currency.MinorUnits, rounding), currency);
    }

    /// <summary>Zero in <paramref name="currency"/>.</summary>
    public static Money Zero(Currency currency) => Of(0m, currency);

    /// <summary>Creates money from a count of minor units (cents for USD).</summary>
    public static Money FromMinorUnits(long units, Currency currency) => new(units * currency.MinorUnit, currency);

    /// <summary>The amount as a count of minor units.</summary>
    public long ToMinorUnits() => (long)(Amount * Currency.Pow10(Currency.MinorUnits));

    /// <summary>True when the amount is below zero.</summary>
    public bool IsNegative => Amount < 0;

    /// <summary>Multiplies and rounds to the minor unit.</summary>
    public Money Multiply(decimal factor, MidpointRounding rounding = MidpointRounding.ToEven) => Of(Amount * factor, Currency, rounding);

    /// <summary>
    /// Splits into <paramref name="parts"/> amounts that differ by at most one minor unit and add up
    /// exactly to this amount; the first parts get the extra units.
    /// </summary>
    public Money[] Split(int parts)
    {
        if (parts < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(parts), parts, "Split into at least one part.");
        }

        var total = ToMinorUnits();
        var share = total / parts;
        var remainder = total % parts;
        var result = new Money[parts];
        for (var i = 0; i < parts; i++)
        {
            var extra = i < Math.Abs(remainder) ? Math.Sign(remainder) : 0;
            result[i] = FromMinorUnits(share + extra, Currency);
        }

        return result;
    }

    /// <summary>Adds two amounts of the same currency.</summary>
    public static Money operator +(Money left, Money right)
    {
        EnsureSameCurrency(left, right);
        return new Money(left.Amount + right.Amount, left.Currency);
    }

    /// <summary>Subtracts two amounts of the same currency.</summary>
    public static Money operator -(Money left, Money right)
    {
        EnsureSameCurrency(left, right);
        return new Money(left.Amount - right.Amount, left.Currency);
    }

    /// <summary>Negates the amount.</summary>
    public static Money operator -(Money value) => new(-value.Amount, value.Currency);

    /// <summary>Multiplies by a whole number; no rounding is needed.</summary>
    public static Money operator *(Money value, int factor) => new(value.Amount * factor, value.Currency);

    /// <summary>Equality of amount and currency.</summary>
    public static bool operator ==(Money left, Money right) => left.Equals(right);

    /// <summary>Inequality of amount or currency.</summary>
    public static bool operator !=(Money left, Money right) => !left.Equals(right);

    /// <summary>Orders amounts of the same currency.</summary>
    public static bool operator <(Money left, Money right) => left.CompareTo(right) < 0;

    /// <summary>Orders amounts of the same currency.</summary>
    public static bool operator >(Money left, Money right) => left.CompareTo(right) > 0;

    /// <inheritdoc/>
    public int CompareTo(Money other)
    {
        EnsureSameCurrency(this, other);
        return Amount.CompareTo(other.Amount);
    }

    /// <inheritdoc/>
    public bool Equals(Money other) => Amount == other.Amount && Equals(Currency, other.Currency);

    /// <inheritdoc/>
    public override bool Equals(object? obj) => obj is Money other && Equals(other);

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(Amount, Currency);

    /// <summary>For example "1234.50 USD".</summary>
    public override string ToString() =>
        Amount.ToString("F" + (Currency?.MinorUnits ?? 0), CultureInfo.InvariantCulture) + " " + Currency?.Code;

    private static void EnsureSameCurrency(Money left, Money right)
    {
        if (!Equals(left.Currency, right.Currency))
        {
            throw new CurrencyMismatchException(left.Currency, right.Currency);
        }
    }
}
