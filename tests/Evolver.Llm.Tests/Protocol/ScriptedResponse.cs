namespace Evolver.Llm.Tests.Protocol;

/// <summary>One answer the provider test double gives: status, headers, body, and how it is sent.</summary>
/// <param name="Status">HTTP status code.</param>
/// <param name="Body">The body, usually JSON in the provider's exact schema.</param>
/// <param name="Headers">Extra response headers, for example <c>Retry-After</c>.</param>
/// <param name="Chunked">Send without Content-Length (chunked), as a streaming or misbehaving server would.</param>
/// <param name="Delay">Wait this long before answering, as a slow provider would.</param>
/// <param name="ContentType">The Content-Type; <c>text/event-stream</c> for a streamed (SSE) body. Default JSON.</param>
/// <param name="DropAfterBytes">Send the headers and this many bytes of the body, then abort the connection, as a dropped one would.</param>
internal sealed record ScriptedResponse(
    int Status,
    string Body,
    IReadOnlyDictionary<string, string>? Headers = null,
    bool Chunked = false,
    TimeSpan Delay = default,
    string ContentType = "application/json",
    int? DropAfterBytes = null);
