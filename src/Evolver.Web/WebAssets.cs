using System.Text.RegularExpressions;

namespace Evolver.Web;

/// <summary>
/// The hand-written front end embedded in this assembly (<c>wwwroot/</c>): served as files by <c>evolver serve</c>, and
/// inlined with the archive's data into one self-contained page by <c>evolver report</c>.
/// </summary>
internal static partial class WebAssets
{
    private const string Prefix = "wwwroot/";

    /// <summary>The embedded file <paramref name="name"/> (e.g. <c>app.js</c>), or null when there is none.</summary>
    public static string? Read(string name)
    {
        using var stream = typeof(WebAssets).Assembly.GetManifestResourceStream(Prefix + name);
        if (stream is null)
        {
            return null;
        }

        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    public static string ContentType(string name) => Path.GetExtension(name) switch
    {
        ".js" => "text/javascript; charset=utf-8",
        ".css" => "text/css; charset=utf-8",
        ".html" => "text/html; charset=utf-8",
        ".svg" => "image/svg+xml",
        _ => "application/octet-stream",
    };

    /// <summary>The page as served: it loads its scripts and style from <c>/assets/</c> and its data from <c>/api/</c>.</summary>
    public static string Page() => Read("index.html") ?? throw new InvalidOperationException("wwwroot/index.html is not embedded in Evolver.Web.");

    /// <summary>
    /// The page with its style, scripts and <paramref name="dataJson"/> inlined: it opens from a file with no server and
    /// loads nothing from anywhere.
    /// </summary>
    public static string Report(string dataJson)
    {
        var page = Page();
        page = StyleLink().Replace(page, m => $"<style>\n{Asset(m.Groups[1].Value)}\n</style>");
        var first = true;
        page = ScriptTag().Replace(page, m =>
        {
            var script = Asset(m.Groups[1].Value);
            if (script.Contains("</script", StringComparison.OrdinalIgnoreCase))
            {
                throw new InvalidOperationException($"wwwroot/{m.Groups[1].Value} holds '</script', which would end the inlined script early.");
            }

            // The data goes before the first script, so every script can read it when it runs.
            var data = first ? $"<script type=\"application/json\" id=\"evolver-data\">{dataJson}</script>\n" : "";
            first = false;
            return $"{data}<script>\n{script}\n</script>";
        });
        return page;
    }

    private static string Asset(string name) => Read(name) ?? throw new InvalidOperationException($"wwwroot/{name}, named in index.html, is not embedded in Evolver.Web.");

    [GeneratedRegex("""<link rel="stylesheet" href="assets/([A-Za-z0-9_.-]+)">""")]
    private static partial Regex StyleLink();

    [GeneratedRegex("""<script src="assets/([A-Za-z0-9_.-]+)"></script>""")]
    private static partial Regex ScriptTag();
}
