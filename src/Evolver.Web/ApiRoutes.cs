using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Evolver.Web;

/// <summary>The page, its assets and the JSON API, as minimal-API routes over an <see cref="ArchiveView"/>.</summary>
internal static class ApiRoutes
{
    /// <summary>Log files larger than this are cut, with a line saying so: a page cannot show more usefully.</summary>
    public const int MaxLogBytes = 1 << 20;

    public static void Map(IEndpointRouteBuilder app, ArchiveView view)
    {
        app.MapGet("/", () => Results.Content(WebAssets.Page(), WebAssets.ContentType("index.html")));
        app.MapGet("/assets/{name}", (string name) =>
            name.Contains('/') || WebAssets.Read(name) is not { } text ? NotFound($"no asset '{name}'") : Results.Content(text, WebAssets.ContentType(name)));

        // Browsers ask for it on their own; an empty answer keeps a 404 out of their console.
        app.MapGet("/favicon.ico", () => Results.NoContent());
        app.MapGet("/api/version", () => Json(new { version = view.Version() }));
        app.MapGet("/api/summary", async (CancellationToken ct) => Json((await view.SnapshotAsync(ct)).Summary));
        app.MapGet("/api/variants", async (HttpRequest request, CancellationToken ct) =>
        {
            var (filter, problem) = VariantFilter.Parse(name => request.Query[name].FirstOrDefault());
            if (filter is null)
            {
                return Results.Json(new { error = problem }, WebJson.Options, statusCode: StatusCodes.Status400BadRequest);
            }

            var snap = await view.SnapshotAsync(ct);
            var matched = snap.Nodes.Where(filter.Matches).ToList();
            return Json(new { version = snap.Version, total = snap.Nodes.Count, matched = matched.Count, variants = matched });
        });
        app.MapGet("/api/variants/{id}", async (string id, CancellationToken ct) =>
            await view.DetailAsync(id, ct) is { } detail ? Json(detail) : UnknownVariant(view, id));
        app.MapGet("/api/variants/{id}/diff", async (string id, string? against, CancellationToken ct) =>
        {
            var (diff, unknown) = await view.DiffAsync(id, string.IsNullOrWhiteSpace(against) ? null : against, ct);
            return diff is not null ? Json(diff) : UnknownVariant(view, unknown!);
        });
        app.MapGet("/api/variants/{id}/logs", async (string id, CancellationToken ct) =>
            await view.DetailAsync(id, ct) is { } detail ? Json(new { id, files = detail.Logs }) : UnknownVariant(view, id));
        app.MapGet("/api/variants/{id}/logs/{**path}", async (string id, string path, CancellationToken ct) =>
        {
            if (await view.LogFileAsync(id, path, ct) is not { } bytes)
            {
                return (await view.DetailAsync(id, ct)) is null ? UnknownVariant(view, id) : NotFound($"variant '{id}' has no log file '{path}'");
            }

            var text = Encoding.UTF8.GetString(bytes, 0, Math.Min(bytes.Length, MaxLogBytes));
            if (bytes.Length > MaxLogBytes)
            {
                text += $"\n[cut: the file has {bytes.Length} bytes; export it whole with 'evolver archive export {id} DIR --logs LOGDIR']\n";
            }

            return Results.Text(text, "text/plain; charset=utf-8");
        });
        app.MapFallback("/api/{**rest}", (string rest) => NotFound($"no API endpoint '/api/{rest}'; see src/Evolver.Web/README.md for the endpoints"));
    }

    private static IResult Json<T>(T value) => Results.Json(value, WebJson.Options);

    private static IResult NotFound(string message) => Results.Json(new { error = message }, WebJson.Options, statusCode: StatusCodes.Status404NotFound);

    private static IResult UnknownVariant(ArchiveView view, string id) => NotFound($"no variant '{id}' in the archive '{view.Path}'");
}
