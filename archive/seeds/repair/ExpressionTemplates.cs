/// <summary>Repair templates that change literals, operands, arguments and returned values.</summary>
internal static class ExpressionTemplates
{
    private const int MaxPartners = 8;

    /// <summary>An integer literal off by one, either way.</summary>
    public static IEnumerable<string> ShiftLiteral(LineContext line)
    {
        for (var i = 0; i < line.Tokens.Count; i++)
        {
            if (line.Tokens[i].Kind == TokenKind.Number && int.TryParse(line.Tokens[i].Text, out var value))
            {
                yield return line.Replace(i, (value + 1).ToString(System.Globalization.CultureInfo.InvariantCulture));
                yield return line.Replace(i, (value - 1).ToString(System.Globalization.CultureInfo.InvariantCulture));
            }
        }
    }

    /// <summary>An operand that stands alone (an argument, index, bound, returned value) off by one: <c>x</c> to <c>x + 1</c> or <c>x - 1</c>.</summary>
    public static IEnumerable<string> ShiftOperand(LineContext line)
    {
        foreach (var (start, end) in StandaloneOperands(line))
        {
            if (end - start == 1 && line.Tokens[start].Kind == TokenKind.Number)
            {
                continue;
            }

            var operand = line.Slice(start, end);
            yield return line.Replace(start, end, operand + " + 1");
            yield return line.Replace(start, end, operand + " - 1");
        }
    }

    /// <summary>Two arguments of a call (or items of a tuple or subscript) swapped, neighbours first.</summary>
    public static IEnumerable<string> SwapArguments(LineContext line)
    {
        for (var open = 0; open < line.Tokens.Count; open++)
        {
            if (!IsCallOrTuple(line, open))
            {
                continue;
            }

            var parts = Syntax.Arguments(line.Tokens, open);
            if (parts.Count is < 2 or > 5)
            {
                continue;
            }

            for (var distance = 1; distance < parts.Count; distance++)
            {
                for (var a = 0; a + distance < parts.Count; a++)
                {
                    var (first, second) = (parts[a], parts[a + distance]);
                    var text = line.Text;
                    var left = line.Slice(first.Start, first.End);
                    var right = line.Slice(second.Start, second.End);
                    var swapped = text[..line.Tokens[first.Start].Start] + right
                        + text[line.Tokens[first.End - 1].End..line.Tokens[second.Start].Start] + left
                        + text[line.Tokens[second.End - 1].End..];
                    yield return swapped;
                }
            }
        }
    }

    /// <summary>One side of an addition, subtraction or multiplication dropped, when that side is a single name or number.</summary>
    public static IEnumerable<string> DropTerm(LineContext line)
    {
        var tokens = line.Tokens;
        for (var i = 1; i + 1 < tokens.Count; i++)
        {
            if (tokens[i].Text is not ("+" or "-" or "*") || tokens[i].Kind != TokenKind.Operator || Syntax.IsPrefixPosition(tokens, i))
            {
                continue;
            }

            var left = tokens[i - 1];
            var beforeLeft = i >= 2 ? tokens[i - 2] : null;
            var leftAlone = left.Kind is TokenKind.Number or TokenKind.Name
                && (beforeLeft is null || beforeLeft.Kind == TokenKind.Open || (beforeLeft.Kind == TokenKind.Operator && beforeLeft.Text != ".") || beforeLeft.Text is "return" or "in");
            if (leftAlone)
            {
                yield return Syntax.Splice(line.Text, left.Start, tokens[i + 1].Start, "");
            }

            var right = tokens[i + 1];
            var rightAlone = right.Kind is TokenKind.Number or TokenKind.Name && (i + 2 >= tokens.Count || tokens[i + 2].Kind is TokenKind.Close || tokens[i + 2].Text is "," or ":" or ";");
            if (rightAlone)
            {
                yield return Syntax.Splice(line.Text, tokens[i - 1].End, right.End, "");
            }
        }
    }

    /// <summary>Empty and singleton collections confused: <c>[]</c> and <c>[[]]</c>, and a returned value replaced by an empty one.</summary>
    public static IEnumerable<string> ChangeEmptyValue(LineContext line)
    {
        var tokens = line.Tokens;
        for (var i = 0; i + 1 < tokens.Count; i++)
        {
            if (tokens[i].Is(TokenKind.Open, "[") && tokens[i + 1].Is(TokenKind.Close, "]"))
            {
                yield return line.Replace(i, i + 2, "[[]]");
            }
            else if (i + 3 < tokens.Count && tokens[i].Text == "[" && tokens[i + 1].Text == "[" && tokens[i + 2].Text == "]" && tokens[i + 3].Text == "]")
            {
                yield return line.Replace(i, i + 4, "[]");
            }
        }

        if (line.Language == Language.Python && tokens.Count > 1 && tokens[0].Text == "return")
        {
            foreach (var value in new[] { "[]", "None", "0", "''" })
            {
                yield return line.Replace(1, tokens.Count, value);
            }
        }
    }

    /// <summary>A Python sequence variable sliced: <c>xs</c> to <c>xs[1:]</c>, <c>xs[:-1]</c>, or sliced by another variable.</summary>
    public static IEnumerable<string> AddSlice(LineContext line)
    {
        if (line.Language != Language.Python)
        {
            yield break;
        }

        for (var i = 0; i < line.Tokens.Count; i++)
        {
            var followedByAccess = i + 1 < line.Tokens.Count && (line.Tokens[i + 1].Text is "[" or "." or "=" || line.Tokens[i + 1].Text.EndsWith('=') && line.Tokens[i + 1].Text is not ("==" or "!=" or "<=" or ">="));
            if (!line.IsVariableUse(i) || followedByAccess)
            {
                continue;
            }

            var name = line.Tokens[i].Text;
            yield return line.Replace(i, name + "[1:]");
            yield return line.Replace(i, name + "[:-1]");
            foreach (var bound in line.Variables.Where(v => v != name).Take(MaxPartners))
            {
                yield return line.Replace(i, $"{name}[{bound}:]");
                yield return line.Replace(i, $"{name}[:{bound}]");
            }
        }
    }

    /// <summary>A standalone operand combined with another variable: <c>k</c> to <c>k - n</c> or <c>k + n</c>.</summary>
    public static IEnumerable<string> CombineWithVariable(LineContext line)
    {
        foreach (var (start, end) in StandaloneOperands(line))
        {
            var operand = line.Slice(start, end);
            foreach (var other in line.Variables.Where(v => v != operand).Take(MaxPartners))
            {
                yield return line.Replace(start, end, $"{operand} - {other}");
                yield return line.Replace(start, end, $"{operand} + {other}");
            }
        }
    }

    /// <summary>A call replaced by a variable already holding a value: <c>get(table, key)</c> to <c>distance</c>.</summary>
    public static IEnumerable<string> ReplaceCall(LineContext line)
    {
        var tokens = line.Tokens;
        for (var i = 0; i + 1 < tokens.Count; i++)
        {
            if (!Syntax.IsIdentifier(tokens[i], line.Language) || !tokens[i + 1].Is(TokenKind.Open, "(") || (i > 0 && tokens[i - 1].Text is "def" or "."))
            {
                continue;
            }

            var end = Syntax.PrimaryEnd(tokens, i, line.Language);
            if (end < 0)
            {
                continue;
            }

            foreach (var variable in line.Variables.Take(MaxPartners))
            {
                yield return line.Replace(i, end, variable);
            }
        }
    }

    /// <summary>A returned Python value joined with another variable: <c>return xs</c> to <c>return ys + xs</c> or <c>return xs + ys</c>.</summary>
    public static IEnumerable<string> ExtendReturn(LineContext line)
    {
        if (line.Language != Language.Python || line.Tokens.Count < 2 || line.Tokens[0].Text != "return")
        {
            yield break;
        }

        var value = line.Slice(1, line.Tokens.Count);
        foreach (var variable in line.Variables.Take(MaxPartners))
        {
            yield return line.Replace(1, line.Tokens.Count, $"{variable} + {value}");
            yield return line.Replace(1, line.Tokens.Count, $"{value} + {variable}");
        }
    }

    /// <summary>True for the bracket of a call, a subscript or a parenthesised tuple; not for list, set or dict literals.</summary>
    private static bool IsCallOrTuple(LineContext line, int open)
    {
        var bracket = line.Tokens[open];
        var previous = open > 0 ? line.Tokens[open - 1] : null;
        var afterOperand = previous is not null && (previous.Kind == TokenKind.Close || Syntax.IsIdentifier(previous, line.Language));
        return bracket.Text switch
        {
            "(" => true,
            "[" => afterOperand,
            _ => false,
        };
    }

    /// <summary>Primary expressions that stand alone as operands, as token ranges.</summary>
    private static IEnumerable<(int Start, int End)> StandaloneOperands(LineContext line)
    {
        for (var i = 0; i < line.Tokens.Count; i++)
        {
            var token = line.Tokens[i];
            if (token.Kind is TokenKind.Operator or TokenKind.Close or TokenKind.String || (token.Kind == TokenKind.Name && Syntax.IsKeyword(token.Text, line.Language)))
            {
                continue;
            }

            var end = Syntax.PrimaryEnd(line.Tokens, i, line.Language);
            if (end > i && line.IsStandaloneOperand(i, end) && !(i > 0 && line.Tokens[i - 1].Text == "=" && line.Language == Language.Python && line.Tokens[0].Text == "def"))
            {
                yield return (i, end);
            }
        }
    }
}
