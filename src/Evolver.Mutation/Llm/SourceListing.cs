using System.Text;

namespace Evolver.Mutation;

/// <summary>Agent files as prompt text: a header line per file, then its content in a fence.</summary>
internal static class SourceListing
{
    public static string Render(IEnumerable<KeyValuePair<string, string>> files)
    {
        var text = new StringBuilder();
        foreach (var (path, content) in files.OrderBy(f => f.Key, StringComparer.Ordinal))
        {
            var fence = content.Contains("```", StringComparison.Ordinal) ? "````" : "```";
            text.Append("### ").Append(path).Append('\n').Append(fence).Append(path.EndsWith(".cs", StringComparison.Ordinal) ? "csharp" : "").Append('\n')
                .Append(content);
            if (!content.EndsWith('\n'))
            {
                text.Append('\n');
            }

            text.Append(fence).Append("\n\n");
        }

        return text.ToString().TrimEnd() + "\n";
    }

    /// <summary>The first and last halves of <paramref name="text"/> when it is longer than <paramref name="max"/> characters.</summary>
    public static string Cut(string text, int max) =>
        text.Length <= max ? text : text[..(max / 2)] + $"\n…[{text.Length - max} characters cut]…\n" + text[^(max / 2)..];
}
