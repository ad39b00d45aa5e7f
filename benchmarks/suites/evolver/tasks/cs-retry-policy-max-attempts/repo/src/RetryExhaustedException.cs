namespace RetryKit;

/// <summary>Every allowed attempt failed; <see cref="Exception.InnerException"/> is the last failure.</summary>
public sealed class RetryExhaustedException : Exception
{
    /// <summary>Creates the exception.</summary>
    public RetryExhaustedException(int attempts, Exception lastFailure)
        : base($"The operation failed {attempts} time(s): {lastFailure.Message}", lastFailure)
    {
        Attempts = attempts;
    }

    /// <summary>How many attempts were made.</summary>
    public int Attempts { get; }
}
