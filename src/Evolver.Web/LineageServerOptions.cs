using System.Net;

namespace Evolver.Web;

/// <summary>Settings of <see cref="LineageServer"/>; defaults in code, validated once when the server starts.</summary>
public sealed class LineageServerOptions
{
    /// <summary>The port <c>evolver serve</c> uses when none is given.</summary>
    public const int DefaultPort = 5780;

    /// <summary>The archive folder to browse (a bare git repository made by <c>evolver init</c> or <c>evolver run</c>). Required.</summary>
    public string ArchivePath { get; init; } = "";

    /// <summary>The address to listen on: an IP address or <c>localhost</c>. Default <c>127.0.0.1</c>, so the archive is not exposed to the network.</summary>
    public string Host { get; init; } = "127.0.0.1";

    /// <summary>The TCP port; 0 picks a free one (see <see cref="LineageServer.Url"/>). Default <see cref="DefaultPort"/>.</summary>
    public int Port { get; init; } = DefaultPort;

    /// <summary>How often the page asks <c>/api/version</c> whether the archive changed, for live refresh. Default 2 seconds.</summary>
    public TimeSpan PollInterval { get; init; } = TimeSpan.FromSeconds(2);

    /// <summary>Throws <see cref="ArgumentException"/> naming the setting that is out of range and what to pass instead.</summary>
    public void Validate()
    {
        if (string.IsNullOrWhiteSpace(ArchivePath))
        {
            throw new ArgumentException("ArchivePath is required: pass the archive folder (--archive DIR).", nameof(ArchivePath));
        }

        if (Port is < 0 or > 65535)
        {
            throw new ArgumentException($"Port {Port} is out of range: pass 0 (any free port) to 65535.", nameof(Port));
        }

        if (!string.Equals(Host, "localhost", StringComparison.OrdinalIgnoreCase) && !IPAddress.TryParse(Host, out _))
        {
            throw new ArgumentException($"Host '{Host}' is not an IP address: pass an address such as 127.0.0.1 or 0.0.0.0, or localhost.", nameof(Host));
        }

        if (PollInterval < TimeSpan.FromMilliseconds(100) || PollInterval > TimeSpan.FromMinutes(10))
        {
            throw new ArgumentException($"PollInterval {PollInterval} is out of range: pass 100 ms to 10 minutes.", nameof(PollInterval));
        }
    }
}
