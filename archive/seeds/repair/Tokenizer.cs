/// <summary>
/// Splits one line of Python or C# into tokens. A line-level view is enough for the one-line bugs this agent repairs,
/// and it keeps every edit a plain text splice.
/// </summary>
internal static class Tokenizer
{
    /// <summary>Multi-character operators, longest first so the longest match wins.</summary>
    private static readonly string[] Operators =
    [
        "**=", "//=", ">>=", "<<=", "...", "??=",
        "**", "//", "==", "!=", "<=", ">=", "+=", "-=", "*=", "/=", "%=", "&=", "|=", "^=", "&&", "||", "<<", ">>",
        "->", ":=", "=>", "??", "++", "--", "?.",
    ];

    /// <summary>The tokens of <paramref name="line"/>; for C#, <c>//</c> starts a comment, for Python <c>#</c> does.</summary>
    public static List<Token> Tokenize(string line, Language language)
    {
        var tokens = new List<Token>();
        var i = 0;
        while (i < line.Length)
        {
            var c = line[i];
            if (char.IsWhiteSpace(c))
            {
                i++;
            }
            else if (IsCommentStart(line, i, language))
            {
                tokens.Add(new Token(TokenKind.Comment, line[i..].TrimEnd('\r'), i));
                break;
            }
            else if (StringLength(line, i, language) is var n and > 0)
            {
                tokens.Add(new Token(TokenKind.String, line.Substring(i, n), i));
                i += n;
            }
            else if (char.IsDigit(c) || (c == '.' && i + 1 < line.Length && char.IsDigit(line[i + 1])))
            {
                var start = i;
                while (i < line.Length && (char.IsLetterOrDigit(line[i]) || line[i] == '.' || line[i] == '_'))
                {
                    i++;
                }

                tokens.Add(new Token(TokenKind.Number, line[start..i], start));
            }
            else if (char.IsLetter(c) || c == '_' || (c == '@' && language == Language.CSharp))
            {
                var start = i++;
                while (i < line.Length && (char.IsLetterOrDigit(line[i]) || line[i] == '_'))
                {
                    i++;
                }

                tokens.Add(new Token(TokenKind.Name, line[start..i], start));
            }
            else if (c is '(' or '[' or '{')
            {
                tokens.Add(new Token(TokenKind.Open, c.ToString(), i++));
            }
            else if (c is ')' or ']' or '}')
            {
                tokens.Add(new Token(TokenKind.Close, c.ToString(), i++));
            }
            else
            {
                var op = Operators.FirstOrDefault(o => string.CompareOrdinal(line, i, o, 0, o.Length) == 0) ?? c.ToString();
                tokens.Add(new Token(TokenKind.Operator, op, i));
                i += op.Length;
            }
        }

        return tokens;
    }

    private static bool IsCommentStart(string line, int i, Language language) => language == Language.Python
        ? line[i] == '#'
        : line[i] == '/' && i + 1 < line.Length && line[i + 1] is '/' or '*';

    /// <summary>The length of a string literal starting at <paramref name="i"/>, or 0 when none starts there.</summary>
    private static int StringLength(string line, int i, Language language)
    {
        var prefix = 0;
        while (i + prefix < line.Length && prefix < 3 && IsStringPrefix(line[i + prefix], language))
        {
            prefix++;
        }

        if (i + prefix >= line.Length || line[i + prefix] is not ('"' or '\''))
        {
            return 0;
        }

        // A name like "rb" followed by a quote is a prefix only if nothing alphanumeric comes before it.
        if (prefix > 0 && i > 0 && (char.IsLetterOrDigit(line[i - 1]) || line[i - 1] == '_'))
        {
            return 0;
        }

        var quote = line[i + prefix];
        var triple = language == Language.Python && string.CompareOrdinal(line, i + prefix, new string(quote, 3), 0, 3) == 0;
        var delimiter = triple ? new string(quote, 3) : quote.ToString();
        var j = i + prefix + delimiter.Length;
        while (j < line.Length)
        {
            if (line[j] == '\\' && !(language == Language.CSharp && line[i..(i + prefix)].Contains('@')))
            {
                j += 2;
                continue;
            }

            if (string.CompareOrdinal(line, j, delimiter, 0, delimiter.Length) == 0)
            {
                return j + delimiter.Length - i;
            }

            j++;
        }

        // Unterminated on this line (a multi-line string): the rest of the line is string.
        return line.Length - i;
    }

    private static bool IsStringPrefix(char c, Language language) => language == Language.Python
        ? c is 'r' or 'R' or 'b' or 'B' or 'f' or 'F' or 'u' or 'U'
        : c is '@' or '$';
}
