using Docker.DotNet;

namespace Evolver.Sandbox;

/// <summary>Connects to the local Docker engine (API 1.41, engine 20.10) and checks that it answers.</summary>
public static class DockerEndpoint
{
    /// <summary>The API version every client is pinned to.</summary>
    public static Version ApiVersion { get; } = new(1, 41);

    /// <summary>The socket used when <c>DOCKER_HOST</c> is not set.</summary>
    public const string DefaultEndpoint = "unix:///var/run/docker.sock";

    private static readonly TimeSpan ProbeTimeout = TimeSpan.FromSeconds(5);

    /// <summary>The endpoint in use: <c>DOCKER_HOST</c> if set, else the default socket.</summary>
    public static Uri Endpoint =>
        new(Environment.GetEnvironmentVariable("DOCKER_HOST") is { Length: > 0 } host ? host : DefaultEndpoint);

    /// <summary>Creates a client for <see cref="Endpoint"/>; it connects lazily, so this never fails for a missing engine.</summary>
    /// <returns>A client the caller disposes.</returns>
    public static DockerClient CreateClient() =>
        // The client owns and disposes the configuration. Image builds and long test runs outlast the library's
        // default 100 s request timeout; every call the sandbox makes carries its own cancellation instead.
        new DockerClientConfiguration(Endpoint, defaultTimeout: RequestTimeout).CreateClient(ApiVersion);

    /// <summary>The longest a single engine request may take before the client gives up: 30 minutes.</summary>
    public static TimeSpan RequestTimeout { get; } = TimeSpan.FromMinutes(30);

    /// <summary>Pings the engine, giving up after a few seconds.</summary>
    /// <param name="docker">The client to check.</param>
    /// <param name="cancellationToken">Cancels the check.</param>
    /// <returns>Null when the engine answers; otherwise a message saying what failed and how to set the machine up.</returns>
    public static async Task<string?> ProbeAsync(IDockerClient docker, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(docker);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(ProbeTimeout);
        string reason;
        try
        {
            await docker.System.PingAsync(timeout.Token).ConfigureAwait(false);
            return null;
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            reason = $"no answer within {ProbeTimeout.TotalSeconds:F0} s";
        }
        catch (Exception e) when (e is HttpRequestException or IOException or DockerApiException or System.Net.Sockets.SocketException or TimeoutException)
        {
            reason = e.GetBaseException().Message;
        }

        return $"No Docker engine answers at {docker.Configuration.EndpointBaseUri} ({reason}). "
            + "Run scripts/setup.sh as root: it installs docker.io and debootstrap and starts dockerd "
            + "(as another user: install them, start the engine and join the docker group), or set DOCKER_HOST.";
    }
}
