/// <summary>A source file of the repository as lines, with which lines hold code (not blanks, comments or docstrings).</summary>
internal sealed class SourceFile
{
    private SourceFile(string path, Language language, string[] lines, bool[] isCode)
    {
        Path = path;
        Language = language;
        Lines = lines;
        IsCode = isCode;
    }

    /// <summary>The path relative to the repository, with <c>/</c> separators.</summary>
    public string Path { get; }

    /// <summary>The file's language.</summary>
    public Language Language { get; }

    /// <summary>The lines, split on <c>\n</c>; a <c>\r</c> stays at the end of its line, so joining gives the file back.</summary>
    public string[] Lines { get; }

    /// <summary>For each line, whether it holds code a template may change.</summary>
    public bool[] IsCode { get; }

    /// <summary>Splits <paramref name="text"/> into lines and marks the code lines.</summary>
    public static SourceFile Parse(string path, string text, Language language)
    {
        var lines = text.Split('\n');
        var isCode = new bool[lines.Length];
        string? openDelimiter = null;
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i];
            if (openDelimiter is not null)
            {
                var close = line.IndexOf(openDelimiter, StringComparison.Ordinal);
                if (close < 0)
                {
                    continue;
                }

                line = new string(' ', close + openDelimiter.Length) + line[(close + openDelimiter.Length)..];
                openDelimiter = null;
            }

            var tokens = Tokenizer.Tokenize(line, language);
            isCode[i] = tokens.Any(t => t.Kind is not (TokenKind.Comment or TokenKind.String));
            openDelimiter = Unclosed(tokens, language);
        }

        return new SourceFile(path, language, lines, isCode);
    }

    /// <summary>The file's text with line <paramref name="index"/> replaced by <paramref name="text"/> (which may span lines).</summary>
    public string WithLine(int index, string text)
    {
        var copy = (string[])Lines.Clone();
        copy[index] = text;
        return string.Join('\n', copy);
    }

    /// <summary>The file's text.</summary>
    public string Text => string.Join('\n', Lines);

    /// <summary>The delimiter that closes a string or comment left open at the end of the line, or null.</summary>
    private static string? Unclosed(List<Token> tokens, Language language)
    {
        if (tokens.Count == 0)
        {
            return null;
        }

        var last = tokens[^1];
        if (last.Kind == TokenKind.Comment)
        {
            return language == Language.CSharp && last.Text.StartsWith("/*", StringComparison.Ordinal) && !last.Text.EndsWith("*/", StringComparison.Ordinal)
                ? "*/"
                : null;
        }

        if (last.Kind != TokenKind.String || language != Language.Python)
        {
            return null;
        }

        var body = last.Text.TrimStart('r', 'R', 'b', 'B', 'f', 'F', 'u', 'U');
        foreach (var triple in new[] { "\"\"\"", "'''" })
        {
            if (body.StartsWith(triple, StringComparison.Ordinal) && (body.Length < 6 || !body.TrimEnd('\r').EndsWith(triple, StringComparison.Ordinal)))
            {
                return triple;
            }
        }

        return null;
    }
}
