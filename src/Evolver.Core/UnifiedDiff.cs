using System.Text;

namespace Evolver.Core;

/// <summary>
/// Writes unified diffs that <c>git apply</c> accepts: <c>diff --git</c> headers with <c>a/</c> and <c>b/</c> prefixes,
/// new and deleted files, hunks with three lines of context and the "\ No newline at end of file" marker.
/// Lines are compared with their terminators, so a change of the final newline alone is a change.
/// </summary>
public static class UnifiedDiff
{
    /// <summary>Lines of context around each change, as <c>git diff</c> writes by default.</summary>
    public const int DefaultContext = 3;

    private const string NoNewline = "\\ No newline at end of file\n";

    /// <summary>The diff of one text file; empty when nothing changed.</summary>
    /// <param name="path">Path of the file relative to the repository root, with <c>/</c> separators.</param>
    /// <param name="before">The old contents, or null when the file is created.</param>
    /// <param name="after">The new contents, or null when the file is deleted.</param>
    /// <param name="context">Lines of context around each change.</param>
    public static string Create(string path, string? before, string? after, int context = DefaultContext)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        ArgumentOutOfRangeException.ThrowIfNegative(context);
        if (before == after)
        {
            return "";
        }

        if (path.StartsWith('/') || path.Split('/').Any(part => part is "" or "." or ".."))
        {
            throw new ArgumentException($"'{path}' must be a relative path without empty, '.' or '..' parts.", nameof(path));
        }

        var a = Quote("a/" + path);
        var b = Quote("b/" + path);
        var text = new StringBuilder();
        text.Append("diff --git ").Append(a).Append(' ').Append(b).Append('\n');
        if (before is null)
        {
            text.Append("new file mode 100644\n");
        }
        else if (after is null)
        {
            text.Append("deleted file mode 100644\n");
        }

        var oldLines = SplitLines(before ?? "");
        var newLines = SplitLines(after ?? "");
        if (oldLines.Count == 0 && newLines.Count == 0)
        {
            // A new or deleted empty file: git writes the header alone.
            return text.ToString();
        }

        // Like git, end a name holding a space with a tab so that readers know where it stops.
        var tab = path.Contains(' ') ? "\t" : "";
        text.Append("--- ").Append(before is null ? "/dev/null" : a).Append(tab).Append('\n');
        text.Append("+++ ").Append(after is null ? "/dev/null" : b).Append(tab).Append('\n');
        AppendHunks(text, oldLines, newLines, context);
        return text.ToString();
    }

    /// <summary>
    /// The diff that turns the files under <paramref name="beforeDirectory"/> into those under <paramref name="afterDirectory"/>,
    /// file by file in ordinal path order; empty when they hold the same text. <c>.git</c> folders are ignored.
    /// </summary>
    /// <exception cref="ArgumentException">A file that differs is not UTF-8 text.</exception>
    public static string Compare(string beforeDirectory, string afterDirectory, int context = DefaultContext)
    {
        var before = ListFiles(beforeDirectory);
        var after = ListFiles(afterDirectory);
        var text = new StringBuilder();
        foreach (var path in before.Keys.Union(after.Keys).Order(StringComparer.Ordinal))
        {
            var oldBytes = before.TryGetValue(path, out var o) ? File.ReadAllBytes(o) : null;
            var newBytes = after.TryGetValue(path, out var n) ? File.ReadAllBytes(n) : null;
            if (oldBytes is not null && newBytes is not null && oldBytes.AsSpan().SequenceEqual(newBytes))
            {
                continue;
            }

            text.Append(Create(path, Decode(oldBytes, o), Decode(newBytes, n), context));
        }

        return text.ToString();
    }

    private static Dictionary<string, string> ListFiles(string directory)
    {
        var root = Path.GetFullPath(directory);
        var files = new Dictionary<string, string>(StringComparer.Ordinal);
        if (!Directory.Exists(root))
        {
            return files;
        }

        foreach (var file in Directory.EnumerateFiles(root, "*", new EnumerationOptions { RecurseSubdirectories = true, AttributesToSkip = 0 }))
        {
            var relative = Path.GetRelativePath(root, file).Replace(Path.DirectorySeparatorChar, '/');
            if (!relative.Split('/').Contains(".git"))
            {
                files[relative] = file;
            }
        }

        return files;
    }

    private static string? Decode(byte[]? bytes, string? file)
    {
        if (bytes is null)
        {
            return null;
        }

        try
        {
            if (bytes.Contains((byte)0))
            {
                throw new DecoderFallbackException();
            }

            return new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true).GetString(bytes);
        }
        catch (DecoderFallbackException)
        {
            throw new ArgumentException($"{file} is not UTF-8 text; a text diff cannot carry it.");
        }
    }

    /// <summary>Lines with their "\n" terminators; the last one may lack it.</summary>
    private static List<string> SplitLines(string text)
    {
        var lines = new List<string>();
        var start = 0;
        while (start < text.Length)
        {
            var end = text.IndexOf('\n', start);
            end = end < 0 ? text.Length : end + 1;
            lines.Add(text[start..end]);
            start = end;
        }

        return lines;
    }

    private static void AppendHunks(StringBuilder text, List<string> oldLines, List<string> newLines, int context)
    {
        var ids = new Dictionary<string, int>(StringComparer.Ordinal);
        int[] Ids(List<string> lines) => lines.Select(l => ids.TryGetValue(l, out var id) ? id : ids[l] = ids.Count).ToArray();
        var (removed, added) = MyersDiff.Compare(Ids(oldLines), Ids(newLines));
        var changes = ChangeBlocks(removed, added);

        var first = 0;
        while (first < changes.Count)
        {
            // Blocks closer than twice the context share a hunk, as in git.
            var last = first;
            while (last + 1 < changes.Count && changes[last + 1].OldStart - changes[last].OldEnd <= 2 * context)
            {
                last++;
            }

            var lead = Math.Min(context, changes[first].OldStart - (first == 0 ? 0 : changes[first - 1].OldEnd));
            var trail = Math.Min(context, (last + 1 < changes.Count ? changes[last + 1].OldStart : oldLines.Count) - changes[last].OldEnd);
            int oldStart = changes[first].OldStart - lead, newStart = changes[first].NewStart - lead;
            int oldCount = changes[last].OldEnd + trail - oldStart, newCount = changes[last].NewEnd + trail - newStart;
            text.Append("@@ -").Append(Range(oldStart, oldCount)).Append(" +").Append(Range(newStart, newCount)).Append(" @@\n");

            var oldAt = oldStart;
            for (var i = first; i <= last; i++)
            {
                for (; oldAt < changes[i].OldStart; oldAt++)
                {
                    AppendLine(text, ' ', oldLines[oldAt]);
                }

                for (var j = changes[i].OldStart; j < changes[i].OldEnd; j++)
                {
                    AppendLine(text, '-', oldLines[j]);
                }

                for (var j = changes[i].NewStart; j < changes[i].NewEnd; j++)
                {
                    AppendLine(text, '+', newLines[j]);
                }

                oldAt = changes[i].OldEnd;
            }

            for (; oldAt < oldStart + oldCount; oldAt++)
            {
                AppendLine(text, ' ', oldLines[oldAt]);
            }

            first = last + 1;
        }
    }

    /// <summary>Runs of deleted and inserted lines between unchanged lines, as half-open ranges of each side.</summary>
    private static List<(int OldStart, int OldEnd, int NewStart, int NewEnd)> ChangeBlocks(bool[] removed, bool[] added)
    {
        var blocks = new List<(int, int, int, int)>();
        int i = 0, j = 0;
        while (i < removed.Length || j < added.Length)
        {
            if (Changed(i, j))
            {
                int i0 = i, j0 = j;
                while (Changed(i, j))
                {
                    if (i < removed.Length && removed[i])
                    {
                        i++;
                    }
                    else
                    {
                        j++;
                    }
                }

                blocks.Add((i0, i, j0, j));
            }
            else
            {
                i++;
                j++;
            }
        }

        return blocks;

        bool Changed(int i, int j) => (i < removed.Length && removed[i]) || (j < added.Length && added[j]);
    }

    // git writes "start,count", leaves out a count of 1, and names the line before an empty range.
    private static string Range(int start, int count) => count switch
    {
        0 => $"{start},0",
        1 => $"{start + 1}",
        _ => $"{start + 1},{count}",
    };

    /// <summary>A path as git writes it in headers: C-quoted when it holds a quote, backslash, control or non-ASCII byte.</summary>
    private static string Quote(string path)
    {
        var bytes = Encoding.UTF8.GetBytes(path);
        if (!bytes.Any(c => c is < 0x20 or >= 0x7f or (byte)'"' or (byte)'\\'))
        {
            return path;
        }

        var quoted = new StringBuilder("\"");
        foreach (var c in bytes)
        {
            quoted.Append(c switch
            {
                (byte)'"' => "\\\"",
                (byte)'\\' => "\\\\",
                (byte)'\a' => "\\a",
                (byte)'\b' => "\\b",
                (byte)'\t' => "\\t",
                (byte)'\n' => "\\n",
                (byte)'\v' => "\\v",
                (byte)'\f' => "\\f",
                (byte)'\r' => "\\r",
                < 0x20 or >= 0x7f => "\\" + Convert.ToString(c, 8).PadLeft(3, '0'),
                _ => ((char)c).ToString(),
            });
        }

        return quoted.Append('"').ToString();
    }

    private static void AppendLine(StringBuilder text, char marker, string line)
    {
        text.Append(marker).Append(line);
        if (!line.EndsWith('\n'))
        {
            text.Append('\n').Append(NoNewline);
        }
    }
}
