using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Evolver.Llm.Tests.Protocol;

/// <summary>
/// TEST DOUBLE for an LLM provider. A real HTTP server on 127.0.0.1 (a free port) that answers each request with the
/// next scripted response, byte for byte as written by the test, in the provider's real wire schema (OpenAI
/// <c>/v1/chat/completions</c>, Anthropic <c>/v1/messages</c>). No model is behind it: its replies are the test's script,
/// and it records every request it receives so tests can check what the client sent and when.
/// </summary>
internal sealed class ProviderTestServer : IDisposable
{
    private readonly HttpListener listener;
    private readonly ConcurrentQueue<ScriptedResponse> script = new();
    private readonly ConcurrentQueue<RecordedRequest> requests = new();
    private readonly CancellationTokenSource stop = new();
    private readonly Task loop;

    private ProviderTestServer(HttpListener listener, int port)
    {
        this.listener = listener;
        Port = port;
        loop = Task.Run(ServeAsync);
    }

    public int Port { get; }

    /// <summary>The OpenAI-style base URL (with <c>/v1</c>) clients are pointed at.</summary>
    public string BaseUrl => $"http://127.0.0.1:{Port}/v1";

    /// <summary>Decides the answer to a request instead of the script, when set (used for replaying recordings).</summary>
    public Func<RecordedRequest, ScriptedResponse>? Responder { get; set; }

    /// <summary>Requests received so far, in arrival order.</summary>
    public IReadOnlyList<RecordedRequest> Requests => [.. requests];

    /// <summary>Scripted responses not yet served.</summary>
    public int Pending => script.Count;

    /// <summary>Starts a server on a free loopback port.</summary>
    public static ProviderTestServer Start()
    {
        for (var attempt = 0; ; attempt++)
        {
            var port = FreePort();
            var listener = new HttpListener();
            listener.Prefixes.Add($"http://127.0.0.1:{port}/");
            try
            {
                listener.Start();
                return new ProviderTestServer(listener, port);
            }
            catch (HttpListenerException) when (attempt < 5)
            {
                // Another process took the port between probing and binding; try another.
                listener.Close();
            }
        }
    }

    /// <summary>Adds responses to serve, in order, one per request.</summary>
    public ProviderTestServer Enqueue(params ScriptedResponse[] responses)
    {
        foreach (var response in responses)
        {
            script.Enqueue(response);
        }

        return this;
    }

    /// <summary>The time between the arrival of request <paramref name="from"/> and request <paramref name="to"/>.</summary>
    public TimeSpan Gap(int from, int to)
    {
        var all = Requests;
        return Stopwatch.GetElapsedTime(all[from].Timestamp, all[to].Timestamp);
    }

    public void Dispose()
    {
        stop.Cancel();
        listener.Close();

        // The accept loop returns once the listener is closed; answers still being written fail quietly.
        loop.Wait(TimeSpan.FromSeconds(5));
        stop.Dispose();
    }

    private static int FreePort()
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        return ((IPEndPoint)probe.LocalEndpoint).Port;
    }

    private async Task ServeAsync()
    {
        while (!stop.IsCancellationRequested)
        {
            HttpListenerContext context;
            try
            {
                context = await listener.GetContextAsync();
            }
            catch (Exception e) when (e is HttpListenerException or ObjectDisposedException or InvalidOperationException)
            {
                return;
            }

            _ = Task.Run(() => AnswerAsync(context));
        }
    }

    private async Task AnswerAsync(HttpListenerContext context)
    {
        var arrived = Stopwatch.GetTimestamp();
        string body;
        using (var reader = new StreamReader(context.Request.InputStream, Encoding.UTF8))
        {
            body = await reader.ReadToEndAsync();
        }

        var headers = context.Request.Headers.AllKeys.Where(k => k is not null)
            .ToDictionary(k => k!.ToLowerInvariant(), k => context.Request.Headers[k] ?? "", StringComparer.Ordinal);
        var request = new RecordedRequest(context.Request.HttpMethod, context.Request.Url!.AbsolutePath, headers, body, arrived);
        requests.Enqueue(request);

        var response = Responder?.Invoke(request)
            ?? (script.TryDequeue(out var next)
                ? next
                : OpenAIWire.Error(400, $"provider test double: no scripted response left for request {requests.Count}", "invalid_request_error"));
        try
        {
            if (response.Delay > TimeSpan.Zero)
            {
                await Task.Delay(response.Delay, stop.Token);
            }

            await WriteAsync(context.Response, response);
        }
        catch (Exception e) when (e is HttpListenerException or IOException or ObjectDisposedException or OperationCanceledException)
        {
            // The client went away (a capped reply, a timeout); nothing to answer.
        }
    }

    private static async Task WriteAsync(HttpListenerResponse response, ScriptedResponse scripted)
    {
        response.StatusCode = scripted.Status;
        response.ContentType = scripted.ContentType;
        foreach (var (name, value) in scripted.Headers ?? new Dictionary<string, string>())
        {
            response.Headers[name] = value;
        }

        var bytes = Encoding.UTF8.GetBytes(scripted.Body);
        if (scripted.DropAfterBytes is { } cut)
        {
            response.SendChunked = true;
            await response.OutputStream.WriteAsync(bytes.AsMemory(0, Math.Min(cut, bytes.Length)));
            await response.OutputStream.FlushAsync();
            response.Abort();
            return;
        }

        if (scripted.Chunked)
        {
            response.SendChunked = true;
        }
        else
        {
            response.ContentLength64 = bytes.Length;
        }

        for (var offset = 0; offset < bytes.Length; offset += 64 * 1024)
        {
            await response.OutputStream.WriteAsync(bytes.AsMemory(offset, Math.Min(64 * 1024, bytes.Length - offset)));
        }

        response.Close();
    }
}
