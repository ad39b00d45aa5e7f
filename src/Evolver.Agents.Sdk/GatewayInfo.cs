using System.Net.Http.Headers;
using System.Net.Sockets;

namespace Evolver.Agents.Sdk;

/// <summary>The LLM gateway the agent may call: an OpenAI-compatible endpoint and a short-lived token.</summary>
/// <param name="BaseUrl">Base URL of the OpenAI-compatible API, for example <c>http://gateway/v1</c>.</param>
/// <param name="Token">Bearer token valid for this task run only. It is not a provider key.</param>
/// <param name="Model">The model name to ask for.</param>
/// <param name="SocketPath">
/// The Unix socket that carries every connection to <paramref name="BaseUrl"/> (the container has no network), or null
/// when the base URL is reached over TCP.
/// </param>
public sealed record GatewayInfo(string BaseUrl, string Token, string Model, string? SocketPath = null)
{
    /// <summary>
    /// An <see cref="HttpClient"/> for the gateway: it connects through <see cref="SocketPath"/> when there is one, sends
    /// the token as its bearer token, and resolves relative paths against <see cref="BaseUrl"/> (so
    /// <c>PostAsync("chat/completions", …)</c> works). The caller disposes it.
    /// </summary>
    /// <param name="timeout">The client's timeout per request; default 10 minutes.</param>
    public HttpClient CreateHttpClient(TimeSpan? timeout = null)
    {
        var handler = new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(5) };
        if (SocketPath is { } path)
        {
            handler.ConnectCallback = async (_, cancellationToken) =>
            {
                var socket = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
                try
                {
                    await socket.ConnectAsync(new UnixDomainSocketEndPoint(path), cancellationToken).ConfigureAwait(false);
                    return new NetworkStream(socket, ownsSocket: true);
                }
                catch
                {
                    socket.Dispose();
                    throw;
                }
            };
        }

        var client = new HttpClient(handler) { BaseAddress = new Uri(BaseUrl.TrimEnd('/') + "/"), Timeout = timeout ?? TimeSpan.FromMinutes(10) };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", Token);
        return client;
    }
}
