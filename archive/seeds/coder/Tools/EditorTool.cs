using System.Text;
using System.Text.Json.Nodes;

/// <summary>Views, creates and edits files inside the repository; paths outside it are refused.</summary>
internal sealed class EditorTool(string repoPath)
{
    private const int MaxViewChars = 20_000;
    private readonly string root = Path.GetFullPath(repoPath).TrimEnd('/');

    public async Task<string> RunAsync(JsonObject arguments, CancellationToken cancellationToken)
    {
        var command = ToolBox.Text(arguments, "command");
        var path = Resolve(ToolBox.Text(arguments, "path"));
        switch (command)
        {
            case "view":
                return Directory.Exists(path) ? ListFolder(path) : await ViewFileAsync(path, arguments["view_range"] as JsonArray, cancellationToken);
            case "create":
                var existed = File.Exists(path);
                Directory.CreateDirectory(Path.GetDirectoryName(path)!);
                await File.WriteAllTextAsync(path, ToolBox.Text(arguments, "file_text"), cancellationToken);
                return $"{(existed ? "overwrote" : "created")} {Relative(path)}";
            case "str_replace":
                return await ReplaceAsync(path, ToolBox.Text(arguments, "old_str"), ToolBox.Text(arguments, "new_str"), cancellationToken);
            default:
                throw new ToolException($"unknown editor command '{command}'; use view, create or str_replace");
        }
    }

    private string Resolve(string path)
    {
        var full = Path.GetFullPath(Path.IsPathRooted(path) ? path : Path.Combine(root, path));
        if (full != root && !full.StartsWith(root + "/", StringComparison.Ordinal))
        {
            throw new ToolException($"{path} is outside the repository {root}");
        }

        return full;
    }

    private string Relative(string path) => path == root ? "." : path[(root.Length + 1)..];

    private string ListFolder(string folder)
    {
        var lines = new StringBuilder();
        foreach (var entry in Directory.EnumerateFileSystemEntries(folder, "*", SearchOption.AllDirectories)
            .Where(e => !Relative(e).Split('/').Contains(".git"))
            .Order(StringComparer.Ordinal)
            .Take(500))
        {
            lines.Append(Relative(entry)).Append(Directory.Exists(entry) ? "/" : "").Append('\n');
        }

        return lines.Length == 0 ? $"{Relative(folder)} is empty" : lines.ToString();
    }

    private async Task<string> ViewFileAsync(string path, JsonArray? range, CancellationToken cancellationToken)
    {
        if (!File.Exists(path))
        {
            throw new ToolException($"{Relative(path)} does not exist");
        }

        var lines = await File.ReadAllLinesAsync(path, cancellationToken);
        var first = range is [JsonValue a, _] ? Math.Max(1, a.GetValue<int>()) : 1;
        var last = range is [_, JsonValue b] && b.GetValue<int>() > 0 ? Math.Min(lines.Length, b.GetValue<int>()) : lines.Length;
        var text = new StringBuilder();
        for (var i = first; i <= last && text.Length < MaxViewChars; i++)
        {
            text.Append(i.ToString().PadLeft(6)).Append('\t').Append(lines[i - 1]).Append('\n');
        }

        if (text.Length >= MaxViewChars)
        {
            text.Append("…[cut; use view_range to see more]\n");
        }

        return text.Length == 0 ? $"{Relative(path)} has no lines in that range" : text.ToString();
    }

    private async Task<string> ReplaceAsync(string path, string oldText, string newText, CancellationToken cancellationToken)
    {
        if (!File.Exists(path))
        {
            throw new ToolException($"{Relative(path)} does not exist");
        }

        if (oldText.Length == 0)
        {
            throw new ToolException("old_str is empty");
        }

        var content = await File.ReadAllTextAsync(path, cancellationToken);
        var at = content.IndexOf(oldText, StringComparison.Ordinal);
        if (at < 0)
        {
            throw new ToolException($"old_str does not occur in {Relative(path)}; view the file and copy the text exactly");
        }

        if (content.IndexOf(oldText, at + 1, StringComparison.Ordinal) >= 0)
        {
            throw new ToolException($"old_str occurs more than once in {Relative(path)}; include more lines to make it unique");
        }

        await File.WriteAllTextAsync(path, string.Concat(content.AsSpan(0, at), newText, content.AsSpan(at + oldText.Length)), cancellationToken);
        return $"replaced 1 occurrence in {Relative(path)}";
    }
}
