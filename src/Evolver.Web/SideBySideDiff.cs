using System.Globalization;
using System.Text.RegularExpressions;

namespace Evolver.Web;

/// <summary>Parses a git unified diff into side-by-side rows: deleted lines paired with the added lines that follow them.</summary>
internal static partial class SideBySideDiff
{
    public static IReadOnlyList<DiffFile> Parse(string unified)
    {
        var files = new List<DiffFile>();
        FileBuilder? file = null;
        int left = 0, right = 0;
        var deleted = new List<(int No, string Text)>();
        var added = new List<(int No, string Text)>();

        void Flush()
        {
            for (var i = 0; i < Math.Max(deleted.Count, added.Count); i++)
            {
                var (d, a) = (i < deleted.Count ? deleted[i] : default, i < added.Count ? added[i] : default);
                var kind = i < deleted.Count && i < added.Count ? "change" : i < deleted.Count ? "delete" : "add";
                file!.Rows.Add(new DiffRow(kind, i < deleted.Count ? d.No : null, i < deleted.Count ? d.Text : null, i < added.Count ? a.No : null, i < added.Count ? a.Text : null));
            }

            deleted.Clear();
            added.Clear();
        }

        foreach (var line in unified.Split('\n'))
        {
            if (line.StartsWith("diff --git ", StringComparison.Ordinal))
            {
                if (file is not null)
                {
                    Flush();
                    files.Add(file.Build());
                }

                file = new FileBuilder();
                if (GitHeader().Match(line) is { Success: true } m)
                {
                    (file.OldPath, file.NewPath) = (m.Groups[1].Value, m.Groups[2].Value);
                }

                continue;
            }

            if (file is null)
            {
                continue;
            }

            if (!file.InHunk)
            {
                if (line.StartsWith("new file", StringComparison.Ordinal))
                {
                    file.Change = "added";
                }
                else if (line.StartsWith("deleted file", StringComparison.Ordinal))
                {
                    file.Change = "deleted";
                }
                else if (line.StartsWith("rename from ", StringComparison.Ordinal))
                {
                    (file.Change, file.OldPath) = ("renamed", line["rename from ".Length..]);
                }
                else if (line.StartsWith("rename to ", StringComparison.Ordinal))
                {
                    file.NewPath = line["rename to ".Length..];
                }
                else if (line.StartsWith("Binary files ", StringComparison.Ordinal))
                {
                    file.Binary = true;
                }
            }

            if (line.StartsWith("@@", StringComparison.Ordinal) && HunkHeader().Match(line) is { Success: true } h)
            {
                Flush();
                file.InHunk = true;
                left = int.Parse(h.Groups[1].Value, CultureInfo.InvariantCulture);
                right = int.Parse(h.Groups[2].Value, CultureInfo.InvariantCulture);
                file.Rows.Add(new DiffRow("hunk", null, line, null, null));
                continue;
            }

            if (!file.InHunk || line.Length == 0)
            {
                continue;
            }

            switch (line[0])
            {
                case '-':
                    deleted.Add((left++, line[1..]));
                    file.Deleted++;
                    break;
                case '+':
                    added.Add((right++, line[1..]));
                    file.Added++;
                    break;
                case ' ':
                    Flush();
                    file.Rows.Add(new DiffRow("context", left++, line[1..], right++, line[1..]));
                    break;
                default:
                    // "\ No newline at end of file" and anything else git adds: not a line of either side.
                    break;
            }
        }

        if (file is not null)
        {
            Flush();
            files.Add(file.Build());
        }

        return files;
    }

    [GeneratedRegex("^diff --git \"?a/(.+?)\"? \"?b/(.+?)\"?$")]
    private static partial Regex GitHeader();

    [GeneratedRegex(@"^@@ -(\d+)(?:,\d+)? \+(\d+)(?:,\d+)? @@")]
    private static partial Regex HunkHeader();

    private sealed class FileBuilder
    {
        public string? OldPath { get; set; }

        public string? NewPath { get; set; }

        public string Change { get; set; } = "modified";

        public bool Binary { get; set; }

        public bool InHunk { get; set; }

        public int Added { get; set; }

        public int Deleted { get; set; }

        public List<DiffRow> Rows { get; } = [];

        public DiffFile Build() => new(Change == "added" ? null : OldPath, Change == "deleted" ? null : NewPath, Change, Binary, Added, Deleted, Rows);
    }
}
