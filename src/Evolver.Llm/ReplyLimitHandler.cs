namespace Evolver.Llm;

/// <summary>
/// Caps the size of reply bodies: a declared <c>Content-Length</c> over the cap fails at once, and any body is read
/// through a <see cref="CappedReadStream"/>, so an endless or enormous reply costs at most the cap in memory.
/// </summary>
internal sealed class ReplyLimitHandler(long maxBytes) : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
        var content = response.Content;
        if (content.Headers.ContentLength > maxBytes)
        {
            response.Dispose();
            throw new ReplyTooLargeException(maxBytes);
        }

        var capped = new StreamContent(new CappedReadStream(await content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false), maxBytes));
        foreach (var header in content.Headers)
        {
            capped.Headers.TryAddWithoutValidation(header.Key, header.Value);
        }

        response.Content = capped;
        return response;
    }
}
