using System.Net;
using Evolver.Core;
using Evolver.Llm;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Evolver.Gateway;

/// <summary>
/// The harness's LLM gateway: an OpenAI-compatible endpoint (<c>POST /v1/chat/completions</c>, streaming and tool calls
/// included, and <c>GET /v1/models</c>) on a Unix socket that the sandbox mounts into solve containers, so agents reach
/// a model with no network and no provider key. Each task run gets its own token (<see cref="Open"/>); every call is
/// metered and capped, and recorded with its task run; <see cref="Close"/> revokes the token and returns the record.
/// It forwards to a provider through Semantic Kernel (<see cref="StartAsync"/>) or serves recorded exchanges
/// (<see cref="StartReplayAsync"/>).
/// </summary>
public sealed class LlmGateway : ITaskGateway, IAsyncDisposable
{
    /// <summary>The host name in the base URL agents are given; the socket, not DNS, carries the connection.</summary>
    public const string HostName = "gateway";

    private readonly WebApplication app;
    private readonly SessionTable sessions;
    private readonly GatewayOptions options;
    private readonly bool ownsDirectory;

    private LlmGateway(WebApplication app, SessionTable sessions, GatewayOptions options, string directory, bool ownsDirectory, string model, Uri? loopback)
    {
        this.app = app;
        this.sessions = sessions;
        this.options = options;
        this.ownsDirectory = ownsDirectory;
        SocketDirectory = directory;
        Model = model;
        LoopbackUrl = loopback;
    }

    /// <summary>The host folder holding the socket; the sandbox bind-mounts it read-only into solve containers.</summary>
    public string SocketDirectory { get; }

    /// <summary>The socket's host path.</summary>
    public string SocketPath => Path.Combine(SocketDirectory, GatewayOptions.SocketFileName);

    /// <summary>Where solve containers see the socket's folder (<see cref="GatewayOptions.ContainerSocketDirectory"/>).</summary>
    public string ContainerSocketDirectory => options.ContainerSocketDirectory;

    /// <summary>The model agents are told to ask for.</summary>
    public string Model { get; }

    /// <summary>The base URL on 127.0.0.1 (with <c>/v1</c>) when <see cref="GatewayOptions.ListenOnLoopback"/> is set; else null.</summary>
    public Uri? LoopbackUrl { get; }

    /// <summary>Starts a gateway that forwards to <paramref name="client"/>'s provider. The gateway does not own the client.</summary>
    /// <exception cref="ArgumentException">The options are invalid.</exception>
    public static Task<LlmGateway> StartAsync(GatewayOptions options, LlmClient client, TimeProvider time, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(client);
        return StartBackendAsync(options, new ProviderBackend(client, time), time, cancellationToken);
    }

    /// <summary>
    /// Starts a gateway that serves recorded exchanges: <paramref name="recordings"/> maps a task id to the lines of its
    /// <c>llm/&lt;task&gt;.jsonl</c>, in order. A request that was never recorded is answered 400 and reported in the
    /// task run's <see cref="GatewayUsage.Problems"/>, naming the task, the exchange and the first difference.
    /// </summary>
    /// <exception cref="ArgumentException">The options are invalid.</exception>
    public static Task<LlmGateway> StartReplayAsync(
        GatewayOptions options, IReadOnlyDictionary<string, IReadOnlyList<string>> recordings, string model, TimeProvider time, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(recordings);
        return StartBackendAsync(options, new ReplayBackend(recordings, model), time, cancellationToken);
    }

    /// <inheritdoc />
    public GatewayGrant Open(GatewayScope scope)
    {
        ArgumentNullException.ThrowIfNull(scope);
        var session = sessions.Open(scope);
        return new GatewayGrant($"http://{HostName}/v1", session.Token, Model, options.ContainerSocketDirectory.TrimEnd('/') + "/" + GatewayOptions.SocketFileName)
        {
            LlmTokens = GatewayMeter.TaskTokens(scope, options.Budgets),
        };
    }

    /// <inheritdoc />
    public GatewayUsage Close(GatewayGrant grant)
    {
        ArgumentNullException.ThrowIfNull(grant);
        return sessions.Close(grant.Token)?.Usage() ?? GatewayUsage.None;
    }

    /// <summary>Stops listening and removes the socket (and its folder, when the gateway made it).</summary>
    public async ValueTask DisposeAsync()
    {
        await app.StopAsync(CancellationToken.None).ConfigureAwait(false);
        await app.DisposeAsync().ConfigureAwait(false);
        try
        {
            if (ownsDirectory)
            {
                Directory.Delete(SocketDirectory, recursive: true);
            }
            else
            {
                File.Delete(SocketPath);
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // A leftover socket file is harmless: the next gateway replaces it.
        }
    }

    private static async Task<LlmGateway> StartBackendAsync(GatewayOptions options, IChatBackend backend, TimeProvider time, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        var problems = options.Validate();
        if (problems.Count > 0)
        {
            throw new ArgumentException("invalid gateway options: " + string.Join("; ", problems), nameof(options));
        }

        var owns = options.SocketDirectory is null;
        var directory = options.SocketDirectory ?? Directory.CreateTempSubdirectory("evolver-gateway-").FullName;
        Directory.CreateDirectory(directory);

        // uid 1000 in the container must reach the socket through the bind-mounted folder.
        SetMode(directory, (UnixFileMode)0b111_101_101);
        var socket = Path.Combine(directory, GatewayOptions.SocketFileName);
        File.Delete(socket);

        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { ContentRootPath = directory });
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.ListenUnixSocket(socket);
            if (options.ListenOnLoopback)
            {
                kestrel.Listen(IPAddress.Loopback, 0);
            }

            kestrel.Limits.MaxRequestBodySize = options.MaxRequestBytes;
        });
        var app = builder.Build();
        var sessions = new SessionTable(options.TokenLifetime, time);
        var endpoint = new ChatEndpoint(sessions, new GatewayMeter(options.Budgets), backend, options.RunId, time);
        app.MapPost("/v1/chat/completions", endpoint.ChatAsync);
        app.MapGet("/v1/models", endpoint.ModelsAsync);
        app.MapFallback(async context =>
        {
            context.Response.StatusCode = 404;
            context.Response.ContentType = "application/json";
            await context.Response.WriteAsync(
                OpenAIError.Body($"the gateway serves POST /v1/chat/completions and GET /v1/models, not {context.Request.Method} {context.Request.Path}", "not_found"),
                context.RequestAborted).ConfigureAwait(false);
        });
        await app.StartAsync(cancellationToken).ConfigureAwait(false);
        SetMode(socket, (UnixFileMode)0b110_110_110);

        Uri? loopback = null;
        if (options.ListenOnLoopback)
        {
            var addresses = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses ?? [];
            loopback = new Uri(addresses.First(a => a.StartsWith("http://127.0.0.1:", StringComparison.Ordinal)).TrimEnd('/') + "/v1");
        }

        return new LlmGateway(app, sessions, options, directory, owns, backend.Model, loopback);
    }

    private static void SetMode(string path, UnixFileMode mode)
    {
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(path, mode);
        }
    }
}
