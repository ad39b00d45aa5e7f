/// <summary>Token-level facts about Python and C# lines that the repair templates share.</summary>
internal static class Syntax
{
    public static readonly HashSet<string> PythonKeywords =
    [
        "False", "None", "True", "and", "as", "assert", "async", "await", "break", "class", "continue", "def", "del", "elif",
        "else", "except", "finally", "for", "from", "global", "if", "import", "in", "is", "lambda", "nonlocal", "not", "or",
        "pass", "raise", "return", "try", "while", "with", "yield", "self",
    ];

    public static readonly HashSet<string> CSharpKeywords =
    [
        "abstract", "as", "base", "bool", "break", "byte", "case", "catch", "char", "checked", "class", "const", "continue",
        "decimal", "default", "delegate", "do", "double", "else", "enum", "event", "explicit", "extern", "false", "finally",
        "fixed", "float", "for", "foreach", "goto", "if", "implicit", "in", "int", "interface", "internal", "is", "lock",
        "long", "namespace", "new", "null", "object", "operator", "out", "override", "params", "private", "protected",
        "public", "readonly", "ref", "return", "sbyte", "sealed", "short", "sizeof", "static", "string", "struct",
        "switch", "this", "throw", "true", "try", "typeof", "uint", "ulong", "unchecked", "unsafe", "ushort", "using",
        "var", "virtual", "void", "volatile", "while", "async", "await", "get", "set", "init", "record", "when", "and",
        "or", "not", "with", "yield", "nameof", "value",
    ];

    /// <summary>Tokens after which an operator is unary (or a prefix like <c>*args</c>), not binary.</summary>
    private static readonly HashSet<string> PrefixContext = ["return", "in", "not", "and", "or", "if", "elif", "while", "yield", "else", "lambda", "is", "case"];

    public static bool IsKeyword(string name, Language language) =>
        (language == Language.Python ? PythonKeywords : CSharpKeywords).Contains(name);

    /// <summary>True for a name token that is an identifier, not a keyword.</summary>
    public static bool IsIdentifier(Token token, Language language) => token.Kind == TokenKind.Name && !IsKeyword(token.Text, language);

    /// <summary>True when the operator at <paramref name="i"/> has no left operand (unary minus, <c>*args</c>, <c>**kwargs</c>).</summary>
    public static bool IsPrefixPosition(List<Token> tokens, int i)
    {
        if (i == 0)
        {
            return true;
        }

        var previous = tokens[i - 1];
        return previous.Kind is TokenKind.Operator or TokenKind.Open || (previous.Kind == TokenKind.Name && PrefixContext.Contains(previous.Text));
    }

    /// <summary>The index of the bracket closing the one at <paramref name="open"/>, or -1 when it is not on this line.</summary>
    public static int MatchingClose(List<Token> tokens, int open)
    {
        var depth = 0;
        for (var i = open; i < tokens.Count; i++)
        {
            depth += tokens[i].Kind switch { TokenKind.Open => 1, TokenKind.Close => -1, _ => 0 };
            if (depth == 0)
            {
                return i;
            }
        }

        return -1;
    }

    /// <summary>The index of the bracket opening the one closed at <paramref name="close"/>, or -1.</summary>
    public static int MatchingOpen(List<Token> tokens, int close)
    {
        var depth = 0;
        for (var i = close; i >= 0; i--)
        {
            depth += tokens[i].Kind switch { TokenKind.Close => 1, TokenKind.Open => -1, _ => 0 };
            if (depth == 0)
            {
                return i;
            }
        }

        return -1;
    }

    /// <summary>
    /// The end (exclusive token index) of the primary expression starting at <paramref name="start"/>: a name, number,
    /// string or bracketed group, followed by any attribute accesses, calls and subscripts. -1 when none starts there.
    /// </summary>
    public static int PrimaryEnd(List<Token> tokens, int start, Language language)
    {
        var first = tokens[start];
        int end;
        if (first.Kind is TokenKind.Number or TokenKind.String || IsIdentifier(first, language) || first.Text is "True" or "False" or "None" or "true" or "false" or "null" or "self" or "this")
        {
            end = start + 1;
        }
        else if (first.Kind == TokenKind.Open)
        {
            var close = MatchingClose(tokens, start);
            if (close < 0)
            {
                return -1;
            }

            end = close + 1;
        }
        else
        {
            return -1;
        }

        while (end < tokens.Count)
        {
            var next = tokens[end];
            if (next.Is(TokenKind.Operator, ".") && end + 1 < tokens.Count && tokens[end + 1].Kind == TokenKind.Name)
            {
                end += 2;
            }
            else if (next.Kind == TokenKind.Open && next.Text is "(" or "[" && next.Start == tokens[end - 1].End)
            {
                var close = MatchingClose(tokens, end);
                if (close < 0)
                {
                    return -1;
                }

                end = close + 1;
            }
            else
            {
                break;
            }
        }

        return end;
    }

    /// <summary>Top-level comma-separated parts between the bracket at <paramref name="open"/> and its match, as token ranges.</summary>
    public static List<(int Start, int End)> Arguments(List<Token> tokens, int open)
    {
        var close = MatchingClose(tokens, open);
        var parts = new List<(int, int)>();
        if (close < 0 || close == open + 1)
        {
            return parts;
        }

        var start = open + 1;
        var depth = 0;
        for (var i = open + 1; i < close; i++)
        {
            depth += tokens[i].Kind switch { TokenKind.Open => 1, TokenKind.Close => -1, _ => 0 };
            if (depth == 0 && tokens[i].Is(TokenKind.Operator, ","))
            {
                parts.Add((start, i));
                start = i + 1;
            }
        }

        if (start < close)
        {
            parts.Add((start, close));
        }

        return parts;
    }

    /// <summary>The line's text from token <paramref name="start"/> to token <paramref name="end"/> (exclusive).</summary>
    public static string Slice(string line, List<Token> tokens, int start, int end) => line[tokens[start].Start..tokens[end - 1].End];

    /// <summary>The line with characters <paramref name="from"/> to <paramref name="to"/> replaced by <paramref name="text"/>.</summary>
    public static string Splice(string line, int from, int to, string text) => line[..from] + text + line[to..];
}
