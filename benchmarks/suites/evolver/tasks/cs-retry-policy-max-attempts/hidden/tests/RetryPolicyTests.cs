using Xunit;

namespace RetryKit.Tests;

public class RetryPolicyTests
{
    private static RetryPolicy Policy(RetryOptions options, RecordingWait wait) => new(options, wait.WaitAsync, new Random(7));

    [Fact]
    public async Task ExecuteAsync_SucceedsFirstTime_DoesNotWait()
    {
        var wait = new RecordingWait();
        var result = await Policy(new RetryOptions(), wait).ExecuteAsync(new FlakyOperation(0).RunAsync);
        Assert.Equal(1, result);
        Assert.Empty(wait.Delays);
    }

    [Fact]
    public async Task ExecuteAsync_TransientFailures_RetriesUntilSuccess()
    {
        var wait = new RecordingWait();
        var operation = new FlakyOperation(2);
        var result = await Policy(new RetryOptions { MaxAttempts = 5 }, wait).ExecuteAsync(operation.RunAsync);
        Assert.Equal(3, result);
        Assert.Equal(2, wait.Delays.Count);
    }

    [Fact]
    public async Task ExecuteAsync_DelaysGrowExponentially()
    {
        var wait = new RecordingWait();
        var options = new RetryOptions { MaxAttempts = 10, BaseDelay = TimeSpan.FromMilliseconds(100), MaxDelay = TimeSpan.FromSeconds(1) };
        await Policy(options, wait).ExecuteAsync(new FlakyOperation(5).RunAsync);
        Assert.Equal(new[] { 100.0, 200.0, 400.0, 800.0, 1000.0 }, wait.Delays.Select(d => d.TotalMilliseconds));
    }

    [Fact]
    public async Task ExecuteAsync_NonTransientFailure_PropagatesWithoutRetry()
    {
        var wait = new RecordingWait();
        var operation = new FlakyOperation(1, () => new InvalidOperationException("bad input"));
        var options = new RetryOptions { ShouldRetry = e => e is TimeoutException };
        await Assert.ThrowsAsync<InvalidOperationException>(() => Policy(options, wait).ExecuteAsync(operation.RunAsync));
        Assert.Equal(1, operation.Calls);
    }

    [Fact]
    public async Task ExecuteAsync_Jitter_StaysWithinComputedDelay()
    {
        var wait = new RecordingWait();
        var options = new RetryOptions { MaxAttempts = 6, Jitter = true };
        await Policy(options, wait).ExecuteAsync(new FlakyOperation(5).RunAsync);
        Assert.All(wait.Delays.Select((d, i) => (d, max: 100 * Math.Pow(2, i))), x => Assert.InRange(x.d.TotalMilliseconds, 0, x.max));
    }

    [Fact]
    public async Task ExecuteAsync_Cancelled_StopsRetrying()
    {
        using var cts = new CancellationTokenSource();
        var operation = new FlakyOperation(10);
        var policy = new RetryPolicy(new RetryOptions { MaxAttempts = 10 }, (_, _) => { cts.Cancel(); return Task.CompletedTask; }, new Random(1));
        await Assert.ThrowsAsync<OperationCanceledException>(() => policy.ExecuteAsync(operation.RunAsync, cts.Token));
        Assert.Equal(1, operation.Calls);
    }

    [Fact]
    public void Constructor_InvalidOptions_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new RetryPolicy(new RetryOptions { MaxAttempts = 0 }));
        Assert.Throws<ArgumentException>(() => new RetryPolicy(new RetryOptions { MaxDelay = TimeSpan.FromMilliseconds(1) }));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(3)]
    [InlineData(5)]
    public async Task ExecuteAsync_AlwaysFailing_MakesExactlyMaxAttempts(int maxAttempts)
    {
        var wait = new RecordingWait();
        var operation = new FlakyOperation(int.MaxValue);
        var error = await Assert.ThrowsAsync<RetryExhaustedException>(
            () => Policy(new RetryOptions { MaxAttempts = maxAttempts }, wait).ExecuteAsync(operation.RunAsync));
        Assert.Equal(maxAttempts, operation.Calls);
        Assert.Equal(maxAttempts, error.Attempts);
        Assert.Equal(maxAttempts - 1, wait.Delays.Count);
    }

    [Fact]
    public async Task ExecuteAsync_SingleAttempt_DoesNotRetry()
    {
        var wait = new RecordingWait();
        var operation = new FlakyOperation(1);
        var error = await Assert.ThrowsAsync<RetryExhaustedException>(
            () => Policy(new RetryOptions { MaxAttempts = 1 }, wait).ExecuteAsync(operation.RunAsync));
        Assert.Equal(1, operation.Calls);
        Assert.Empty(wait.Delays);
        Assert.IsType<TimeoutException>(error.InnerException);
    }

    [Fact]
    public async Task ExecuteAsync_SucceedsOnLastAllowedAttempt_ReturnsResult()
    {
        var wait = new RecordingWait();
        var result = await Policy(new RetryOptions { MaxAttempts = 3 }, wait).ExecuteAsync(new FlakyOperation(2).RunAsync);
        Assert.Equal(3, result);
    }

    [Fact]
    public async Task ExecuteAsync_ExhaustedException_CarriesLastFailure()
    {
        var wait = new RecordingWait();
        var operation = new FlakyOperation(int.MaxValue);
        var error = await Assert.ThrowsAsync<RetryExhaustedException>(
            () => Policy(new RetryOptions { MaxAttempts = 2 }, wait).ExecuteAsync(operation.RunAsync));
        Assert.Equal("call 2 timed out", error.InnerException!.Message);
    }

    [Fact]
    public async Task OnRetry_RaisedOncePerRetry()
    {
        var wait = new RecordingWait();
        var events = new List<RetryEvent>();
        var policy = Policy(new RetryOptions { MaxAttempts = 3 }, wait);
        policy.OnRetry += events.Add;
        await Assert.ThrowsAsync<RetryExhaustedException>(() => policy.ExecuteAsync(new FlakyOperation(int.MaxValue).RunAsync));
        Assert.Equal(new[] { 1, 2 }, events.Select(e => e.FailedAttempt));
    }

    [Fact]
    public async Task ExecuteAsync_VoidOperation_RespectsMaxAttempts()
    {
        var wait = new RecordingWait();
        var calls = 0;
        await Assert.ThrowsAsync<RetryExhaustedException>(() => Policy(new RetryOptions { MaxAttempts = 2 }, wait).ExecuteAsync(_ =>
        {
            calls++;
            throw new TimeoutException();
        }));
        Assert.Equal(2, calls);
    }
}
