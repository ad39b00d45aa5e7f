/// <summary>Repair templates that change operators, keywords and conditions.</summary>
internal static class OperatorTemplates
{
    /// <summary>For each operator, the replacements to try, likeliest first.</summary>
    private static readonly Dictionary<string, string[]> Swaps = new(StringComparer.Ordinal)
    {
        ["<"] = ["<=", ">", ">=", "==", "!="],
        ["<="] = ["<", ">=", ">", "==", "!="],
        [">"] = [">=", "<", "<=", "==", "!="],
        [">="] = [">", "<=", "<", "==", "!="],
        ["=="] = ["!=", "<=", ">=", "<", ">"],
        ["!="] = ["==", "<", ">", "<=", ">="],
        ["+"] = ["-", "*"],
        ["-"] = ["+", "*", "/"],
        ["*"] = ["/", "+", "-", "**"],
        ["/"] = ["//", "*", "%"],
        ["//"] = ["/", "%", "*"],
        ["%"] = ["//", "/", "*"],
        ["**"] = ["*"],
        ["+="] = ["-=", "*="],
        ["-="] = ["+=", "*="],
        ["*="] = ["/=", "+="],
        ["/="] = ["//=", "*="],
        ["//="] = ["/=", "%="],
        ["%="] = ["//="],
        ["^="] = ["&=", "|="],
        ["&="] = ["|=", "^="],
        ["|="] = ["&=", "^="],
        ["&"] = ["|", "^"],
        ["|"] = ["&", "^"],
        ["^"] = ["&", "|"],
        ["<<"] = [">>"],
        [">>"] = ["<<"],
        ["&&"] = ["||"],
        ["||"] = ["&&"],
    };

    /// <summary>Keyword and well-known name pairs that are easy to confuse.</summary>
    private static readonly Dictionary<string, string[]> NameSwaps = new(StringComparer.Ordinal)
    {
        ["and"] = ["or"], ["or"] = ["and"], ["True"] = ["False"], ["False"] = ["True"], ["true"] = ["false"], ["false"] = ["true"],
        ["any"] = ["all"], ["all"] = ["any"], ["min"] = ["max"], ["max"] = ["min"], ["Min"] = ["Max"], ["Max"] = ["Min"],
        ["Any"] = ["All"], ["All"] = ["Any"], ["First"] = ["Last"], ["Last"] = ["First"], ["break"] = ["continue"],
        ["continue"] = ["break"], ["append"] = ["extend"], ["extend"] = ["append"], ["floor"] = ["ceil"], ["ceil"] = ["floor"],
        ["Floor"] = ["Ceiling"], ["Ceiling"] = ["Floor"], ["pop"] = ["popleft"], ["popleft"] = ["pop"], ["sorted"] = ["reversed"],
        ["appendleft"] = ["append"], ["insert"] = ["append"],
    };

    private static readonly HashSet<string> Comparisons = ["<", "<=", ">", ">=", "==", "!="];

    /// <summary>A binary, augmented, bitwise or logical operator replaced by a related one.</summary>
    public static IEnumerable<string> SwapOperator(LineContext line)
    {
        var tokens = line.Tokens;
        for (var i = 0; i < tokens.Count; i++)
        {
            var token = tokens[i];
            if (token.Kind != TokenKind.Operator || !Swaps.TryGetValue(token.Text, out var replacements))
            {
                continue;
            }

            if (token.Text is "+" or "-" or "*" or "**" && Syntax.IsPrefixPosition(tokens, i))
            {
                continue;
            }

            if (line.Language == Language.CSharp && token.Text is "//" or "**" or "//=")
            {
                continue;
            }

            foreach (var replacement in replacements.Where(r => line.Language == Language.Python || !r.Contains("//") && r != "**"))
            {
                yield return line.Replace(i, replacement);
            }
        }
    }

    /// <summary>Confusable keywords and names swapped (<c>and/or</c>, <c>any/all</c>, <c>min/max</c>), and <c>is</c>/<c>in</c> negated.</summary>
    public static IEnumerable<string> SwapKeyword(LineContext line)
    {
        var tokens = line.Tokens;
        for (var i = 0; i < tokens.Count; i++)
        {
            var token = tokens[i];
            if (token.Kind != TokenKind.Name)
            {
                continue;
            }

            if (NameSwaps.TryGetValue(token.Text, out var replacements))
            {
                foreach (var replacement in replacements)
                {
                    yield return line.Replace(i, replacement);
                }
            }

            if (line.Language != Language.Python)
            {
                continue;
            }

            var next = i + 1 < tokens.Count ? tokens[i + 1] : null;
            var previous = i > 0 ? tokens[i - 1] : null;
            if (token.Text == "is")
            {
                yield return next?.Text == "not" ? line.Replace(i, i + 2, "is") : line.Replace(i, "is not");
            }
            else if (token.Text == "in" && tokens[0].Text != "for" && !line.Text.Contains(" for ", StringComparison.Ordinal))
            {
                yield return previous?.Text == "not" ? line.Replace(i - 1, i + 1, "in") : line.Replace(i, "not in");
            }
        }
    }

    /// <summary>The condition of an <c>if</c>, <c>elif</c> or <c>while</c> negated, or replaced by a constant (removing it).</summary>
    public static IEnumerable<string> NegateCondition(LineContext line)
    {
        if (Condition(line) is not var (start, end) || start >= end)
        {
            yield break;
        }

        var condition = line.Slice(start, end);
        var python = line.Language == Language.Python;
        if (python && line.Tokens[start].Text == "not")
        {
            yield return line.Replace(start, end, line.Slice(start + 1, end));
        }
        else if (!python && line.Tokens[start].Text == "!" && Syntax.PrimaryEnd(line.Tokens, start + 1, line.Language) == end)
        {
            yield return line.Replace(start, end, line.Slice(start + 1, end));
        }
        else
        {
            yield return line.Replace(start, end, python ? $"not ({condition})" : $"!({condition})");
        }

        if (line.Tokens[0].Text != "while")
        {
            yield return line.Replace(start, end, python ? "True" : "true");
            yield return line.Replace(start, end, python ? "False" : "false");
        }
    }

    /// <summary>A guard added in front of a condition that dereferences a name: <c>x is None or ...</c> / <c>x is not None and ...</c>.</summary>
    public static IEnumerable<string> AddNullGuard(LineContext line)
    {
        if (Condition(line) is not var (start, end) || start >= end)
        {
            yield break;
        }

        var condition = line.Slice(start, end);
        var python = line.Language == Language.Python;
        var bases = new List<string>();
        for (var i = start; i + 1 < end; i++)
        {
            if (Syntax.IsIdentifier(line.Tokens[i], line.Language) && line.Tokens[i + 1].Is(TokenKind.Operator, ".") && !bases.Contains(line.Tokens[i].Text))
            {
                bases.Add(line.Tokens[i].Text);
            }
        }

        foreach (var name in bases)
        {
            yield return line.Replace(start, end, python ? $"{name} is None or {condition}" : $"{name} == null || {condition}");
            yield return line.Replace(start, end, python ? $"{name} is not None and {condition}" : $"{name} != null && {condition}");
        }
    }

    /// <summary>A comparison with a number moved by one in both operator and bound: <c>== 0</c> to <c>&lt;= 1</c>, <c>&lt; n</c> to <c>&lt;= n - 1</c>.</summary>
    public static IEnumerable<string> ShiftBoundary(LineContext line)
    {
        var tokens = line.Tokens;
        for (var i = 0; i + 1 < tokens.Count; i++)
        {
            if (tokens[i].Kind == TokenKind.Operator && Comparisons.Contains(tokens[i].Text) && tokens[i + 1].Kind == TokenKind.Number && int.TryParse(tokens[i + 1].Text, out var bound))
            {
                foreach (var op in Comparisons.Where(c => c != tokens[i].Text))
                {
                    foreach (var shifted in new[] { bound + 1, bound - 1 })
                    {
                        yield return line.Replace(i, i + 2, $"{op} {shifted}");
                    }
                }
            }
        }
    }

    /// <summary>The token range of the condition of an <c>if</c>/<c>elif</c>/<c>while</c> line, or of a returned comparison; null when none.</summary>
    private static (int Start, int End)? Condition(LineContext line)
    {
        var tokens = line.Tokens;
        if (tokens.Count < 2)
        {
            return null;
        }

        var keyword = tokens[0].Text;
        if (line.Language == Language.Python)
        {
            if (keyword is "if" or "elif" or "while" && tokens[^1].Is(TokenKind.Operator, ":"))
            {
                return (1, tokens.Count - 1);
            }

            return keyword == "return" && tokens.Any(t => t.Kind == TokenKind.Operator && Comparisons.Contains(t.Text)) ? (1, tokens.Count) : null;
        }

        if (keyword is "if" or "while" && tokens[1].Is(TokenKind.Open, "("))
        {
            var close = Syntax.MatchingClose(tokens, 1);
            return close > 2 ? (2, close) : null;
        }

        return null;
    }
}
