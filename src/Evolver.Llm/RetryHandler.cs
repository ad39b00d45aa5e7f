using System.Globalization;
using System.Net;
using Polly;
using Polly.Retry;
using Polly.Timeout;

namespace Evolver.Llm;

/// <summary>
/// Retries a provider's transient answers (408, 429, 5xx, Anthropic's 529) and failed connections with Polly: exponential
/// backoff with jitter, or the provider's <c>Retry-After</c> when it sends one, each attempt under its own timeout.
/// Every attempt gets a fresh copy of the request, so a body is never sent twice from a consumed stream.
/// </summary>
internal sealed class RetryHandler : DelegatingHandler
{
    private readonly ResiliencePipeline<HttpResponseMessage> pipeline;
    private readonly TimeProvider time;

    public RetryHandler(LlmOptions options, TimeProvider time)
    {
        this.time = time;
        var builder = new ResiliencePipelineBuilder<HttpResponseMessage> { TimeProvider = time };
        if (options.MaxRetries > 0)
        {
            var maxDelay = options.MaxRetryDelay;
            builder.AddRetry(new RetryStrategyOptions<HttpResponseMessage>
            {
                ShouldHandle = args => ValueTask.FromResult(args.Outcome switch
                {
                    { Exception: HttpRequestException or TimeoutRejectedException } => true,
                    { Result: { } response } => IsTransient(response.StatusCode),
                    _ => false,
                }),
                MaxRetryAttempts = options.MaxRetries,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = options.RetryBaseDelay,
                MaxDelay = maxDelay,
                DelayGenerator = args => ValueTask.FromResult(RetryAfter(args.Outcome.Result, maxDelay)),
                OnRetry = args =>
                {
                    CallTrace.Current?.Delayed(args.RetryDelay);
                    args.Outcome.Result?.Dispose();
                    return default;
                },
            });
        }

        pipeline = builder.AddTimeout(options.RequestTimeout).Build();
    }

    /// <summary>The statuses worth another attempt.</summary>
    public static bool IsTransient(HttpStatusCode status) =>
        status is HttpStatusCode.RequestTimeout or HttpStatusCode.TooManyRequests || (int)status >= 500;

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var body = request.Content is null ? null : await request.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
        return await pipeline.ExecuteAsync(
            async ct =>
            {
                CallTrace.Current?.Attempted();
                var response = await base.SendAsync(Copy(request, body), ct).ConfigureAwait(false);
                CallTrace.Current?.Answered((int)response.StatusCode);
                return response;
            },
            cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The provider's requested delay (<c>retry-after-ms</c>, or <c>Retry-After</c> in seconds or as a date), capped; null when none.</summary>
    private TimeSpan? RetryAfter(HttpResponseMessage? response, TimeSpan max)
    {
        if (response is null)
        {
            return null;
        }

        TimeSpan? delay = null;
        if (response.Headers.TryGetValues("retry-after-ms", out var ms)
            && double.TryParse(ms.FirstOrDefault(), NumberStyles.Float, CultureInfo.InvariantCulture, out var millis))
        {
            delay = TimeSpan.FromMilliseconds(millis);
        }
        else if (response.Headers.RetryAfter is { } retryAfter)
        {
            delay = retryAfter.Delta ?? (retryAfter.Date - time.GetUtcNow());
        }

        return delay is null ? null : TimeSpan.FromTicks(Math.Clamp(delay.Value.Ticks, 0, max.Ticks));
    }

    private static HttpRequestMessage Copy(HttpRequestMessage request, byte[]? body)
    {
        var copy = new HttpRequestMessage(request.Method, request.RequestUri) { Version = request.Version, VersionPolicy = request.VersionPolicy };
        foreach (var header in request.Headers)
        {
            copy.Headers.TryAddWithoutValidation(header.Key, header.Value);
        }

        if (body is not null)
        {
            copy.Content = new ByteArrayContent(body);
            foreach (var header in request.Content!.Headers)
            {
                copy.Content.Headers.TryAddWithoutValidation(header.Key, header.Value);
            }
        }

        foreach (var option in request.Options)
        {
            copy.Options.Set(new HttpRequestOptionsKey<object?>(option.Key), option.Value);
        }

        return copy;
    }
}
