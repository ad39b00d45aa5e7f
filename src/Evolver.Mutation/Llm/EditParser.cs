using System.Text.RegularExpressions;

namespace Evolver.Mutation;

/// <summary>Reads edit blocks (<c>Prompts/edit-format.md</c>) out of a model's reply; text between blocks is ignored.</summary>
internal static partial class EditParser
{
    /// <summary>The blocks of <paramref name="reply"/>, and what is wrong with any malformed one.</summary>
    public static (IReadOnlyList<EditBlock> Blocks, IReadOnlyList<string> Problems) Parse(string reply)
    {
        var lines = reply.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
        var blocks = new List<EditBlock>();
        var problems = new List<string>();
        for (var i = 0; i < lines.Length; i++)
        {
            var header = Header().Match(lines[i]);
            if (!header.Success)
            {
                continue;
            }

            var kind = header.Groups[1].Value;
            var path = header.Groups[2].Value;
            var target = header.Groups[3].Value.Trim();
            var title = lines[i].Trim();
            if (kind == "MEMBER" && target.Length == 0)
            {
                problems.Add($"'{title}': a MEMBER header names the file and then the type, e.g. '<<<<<<< MEMBER Agent.cs Agent'");
            }

            if (kind == "SEARCH")
            {
                var divider = IndexOf(lines, i + 1, "=======");
                var end = divider < 0 ? -1 : IndexOf(lines, divider + 1, ">>>>>>> REPLACE");
                if (end < 0 || Header().IsMatch(string.Join('\n', lines[(i + 1)..end])))
                {
                    problems.Add($"'{title}': a SEARCH block needs a '=======' line and then a '>>>>>>> REPLACE' line");
                    continue;
                }

                blocks.Add(new EditBlock(EditKind.SearchReplace, path, "", Join(lines, i + 1, divider), Join(lines, divider + 1, end)));
                i = end;
            }
            else
            {
                var end = IndexOf(lines, i + 1, ">>>>>>> END");
                if (end < 0 || Header().IsMatch(string.Join('\n', lines[(i + 1)..end])))
                {
                    problems.Add($"'{title}': the block has no '>>>>>>> END' line");
                    continue;
                }

                if (kind == "MEMBER" && target.Length == 0)
                {
                    i = end;
                    continue;
                }

                blocks.Add(new EditBlock(kind == "MEMBER" ? EditKind.Member : EditKind.File, path, target, "", Join(lines, i + 1, end)));
                i = end;
            }
        }

        return (blocks, problems);
    }

    private static int IndexOf(string[] lines, int from, string marker)
    {
        for (var i = from; i < lines.Length; i++)
        {
            if (lines[i].TrimEnd() == marker)
            {
                return i;
            }
        }

        return -1;
    }

    /// <summary>Lines [from, to) joined, with a final newline unless empty.</summary>
    private static string Join(string[] lines, int from, int to) => to <= from ? "" : string.Join('\n', lines[from..to]) + "\n";

    [GeneratedRegex(@"^<<<<<<< (MEMBER|SEARCH|FILE) +(\S+)(.*)$")]
    private static partial Regex Header();
}
