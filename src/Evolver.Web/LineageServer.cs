using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Evolver.Web;

/// <summary>
/// The lineage browser of <c>evolver serve</c>: Kestrel serving the page and a JSON API over an archive
/// (<c>/api/summary</c>, <c>/api/variants</c>, <c>/api/variants/{id}</c>, <c>/api/variants/{id}/diff</c>,
/// <c>/api/variants/{id}/logs</c>, <c>/api/version</c>). It reads the archive as a run writes it, and the page refreshes
/// itself when <c>/api/version</c> moves.
/// </summary>
public sealed class LineageServer : IAsyncDisposable
{
    private readonly WebApplication app;
    private readonly ArchiveView view;

    private LineageServer(WebApplication app, ArchiveView view, Uri url)
    {
        this.app = app;
        this.view = view;
        Url = url;
    }

    /// <summary>The page's address, e.g. <c>http://127.0.0.1:5780/</c> (with the port picked when 0 was asked).</summary>
    public Uri Url { get; }

    /// <summary>The archive folder served.</summary>
    public string ArchivePath => view.Path;

    /// <summary>
    /// Opens the archive and starts listening. Throws <see cref="Evolver.Archive.ArchiveException"/> naming the folder when
    /// it is not an archive, <see cref="ArgumentException"/> for bad options, and <see cref="IOException"/> when the
    /// address is in use.
    /// </summary>
    public static async Task<LineageServer> StartAsync(LineageServerOptions options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        var view = ArchiveView.Open(options.ArchivePath, (int)options.PollInterval.TotalMilliseconds);
        WebApplication? app = null;
        try
        {
            var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { ContentRootPath = AppContext.BaseDirectory });
            builder.Logging.ClearProviders();
            builder.WebHost.UseKestrel(k =>
            {
                if (string.Equals(options.Host, "localhost", StringComparison.OrdinalIgnoreCase))
                {
                    k.ListenLocalhost(options.Port);
                }
                else
                {
                    k.Listen(IPAddress.Parse(options.Host), options.Port);
                }
            });
            app = builder.Build();
            ApiRoutes.Map(app, view);
            await app.StartAsync(cancellationToken).ConfigureAwait(false);
            var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
            return new LineageServer(app, view, new Uri(address.TrimEnd('/') + "/"));
        }
        catch
        {
            if (app is not null)
            {
                await app.DisposeAsync().ConfigureAwait(false);
            }

            view.Dispose();
            throw;
        }
    }

    /// <summary>Stops listening; requests in progress finish first.</summary>
    public Task StopAsync(CancellationToken cancellationToken) => app.StopAsync(cancellationToken);

    /// <inheritdoc/>
    public async ValueTask DisposeAsync()
    {
        await app.DisposeAsync().ConfigureAwait(false);
        view.Dispose();
    }
}
