namespace RetryKit;

/// <summary>Raised before waiting to retry.</summary>
/// <param name="FailedAttempt">The 1-based number of the attempt that just failed.</param>
/// <param name="Exception">Why it failed.</param>
/// <param name="Delay">How long the policy waits before the next attempt.</param>
public sealed record RetryEvent(int FailedAttempt, Exception Exception, TimeSpan Delay);
