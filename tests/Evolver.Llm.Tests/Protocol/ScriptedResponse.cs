namespace Evolver.Llm.Tests.Protocol;

/// <summary>One answer the provider test double gives: status, headers, body, and how it is sent.</summary>
/// <param name="Status">HTTP status code.</param>
/// <param name="Body">The body, usually JSON in the provider's exact schema.</param>
/// <param name="Headers">Extra response headers, for example <c>Retry-After</c>.</param>
/// <param name="Chunked">Send without Content-Length (chunked), as a streaming or misbehaving server would.</param>
/// <param name="Delay">Wait this long before answering, as a slow provider would.</param>
internal sealed record ScriptedResponse(
    int Status, string Body, IReadOnlyDictionary<string, string>? Headers = null, bool Chunked = false, TimeSpan Delay = default);
