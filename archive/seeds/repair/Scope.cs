/// <summary>The variables a line can see, nearest definition first, found from the tokens of the enclosing function.</summary>
internal static class Scope
{
    private const int MaxVariables = 12;
    private const int CSharpWindow = 40;

    public static IReadOnlyList<string> Variables(SourceFile source, int index) =>
        source.Language == Language.Python ? PythonVariables(source, index) : CSharpVariables(source, index);

    /// <summary>Attribute names used anywhere in <paramref name="files"/> (<c>x.name</c> not followed by a call), most used first.</summary>
    public static IReadOnlyList<string> Attributes(IEnumerable<SourceFile> files)
    {
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var file in files)
        {
            foreach (var line in file.Lines)
            {
                var tokens = Tokenizer.Tokenize(line, file.Language);
                for (var i = 1; i < tokens.Count; i++)
                {
                    var called = i + 1 < tokens.Count && tokens[i + 1].Is(TokenKind.Open, "(");
                    if (tokens[i - 1].Is(TokenKind.Operator, ".") && tokens[i].Kind == TokenKind.Name && !called)
                    {
                        counts[tokens[i].Text] = counts.GetValueOrDefault(tokens[i].Text) + 1;
                    }
                }
            }
        }

        return counts.OrderByDescending(p => p.Value).ThenBy(p => p.Key, StringComparer.Ordinal).Select(p => p.Key).ToList();
    }

    private static IReadOnlyList<string> PythonVariables(SourceFile source, int index)
    {
        var (start, end) = PythonFunction(source, index);
        var defined = new Dictionary<string, int>(StringComparer.Ordinal);
        void Define(string name, int line)
        {
            if (!Syntax.IsKeyword(name, Language.Python) && (!defined.TryGetValue(name, out var seen) || Math.Abs(line - index) < Math.Abs(seen - index)))
            {
                defined[name] = line;
            }
        }

        for (var i = start; i < end; i++)
        {
            if (!source.IsCode[i])
            {
                continue;
            }

            var tokens = Tokenizer.Tokenize(source.Lines[i], Language.Python);
            if (tokens.Count > 2 && tokens[0].Text == "def" && tokens[2].Is(TokenKind.Open, "("))
            {
                foreach (var (from, _) in Syntax.Arguments(tokens, 2))
                {
                    var at = tokens[from].Text is "*" or "**" ? from + 1 : from;
                    if (at < tokens.Count && tokens[at].Kind == TokenKind.Name)
                    {
                        Define(tokens[at].Text, i);
                    }
                }

                continue;
            }

            var depth = 0;
            var inTarget = true;
            for (var t = 0; t < tokens.Count; t++)
            {
                var token = tokens[t];
                depth += token.Kind switch { TokenKind.Open => 1, TokenKind.Close => -1, _ => 0 };
                if (token.Kind == TokenKind.Operator && token.Text.EndsWith('=') && token.Text is not ("==" or "!=" or "<=" or ">=") && depth == 0)
                {
                    // Everything before the first top-level assignment is a target list.
                    foreach (var target in tokens.Take(t).Where((x, k) => x.Kind == TokenKind.Name && (k == 0 || !tokens[k - 1].Is(TokenKind.Operator, "."))))
                    {
                        if (inTarget)
                        {
                            Define(target.Text, i);
                        }
                    }

                    inTarget = false;
                }

                if (token.Text is "for" or "as" && token.Kind == TokenKind.Name)
                {
                    for (var k = t + 1; k < tokens.Count && tokens[k].Text is not ("in" or ":" or ")"); k++)
                    {
                        if (tokens[k].Kind == TokenKind.Name)
                        {
                            Define(tokens[k].Text, i);
                        }
                    }
                }
            }
        }

        return defined.OrderBy(p => Math.Abs(p.Value - index)).ThenBy(p => p.Key, StringComparer.Ordinal).Select(p => p.Key).Take(MaxVariables).ToList();
    }

    /// <summary>The lines of the function around <paramref name="index"/> (its <c>def</c> line to its last line), or the whole file.</summary>
    private static (int Start, int End) PythonFunction(SourceFile source, int index)
    {
        for (var i = index; i >= 0; i--)
        {
            var line = source.Lines[i];
            var trimmed = line.TrimStart();
            if (source.IsCode[i] && (trimmed.StartsWith("def ", StringComparison.Ordinal) || trimmed.StartsWith("async def ", StringComparison.Ordinal)))
            {
                var indent = line.Length - trimmed.Length;
                var end = i + 1;
                while (end < source.Lines.Length && (!source.IsCode[end] || Indent(source.Lines[end]) > indent))
                {
                    end++;
                }

                if (end > index)
                {
                    return (i, end);
                }
            }
        }

        return (0, source.Lines.Length);
    }

    private static int Indent(string line) => line.Length - line.TrimStart().Length;

    private static IReadOnlyList<string> CSharpVariables(SourceFile source, int index)
    {
        var nearest = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = Math.Max(0, index - CSharpWindow); i < Math.Min(source.Lines.Length, index + CSharpWindow); i++)
        {
            var tokens = Tokenizer.Tokenize(source.Lines[i], Language.CSharp);
            for (var t = 0; t < tokens.Count; t++)
            {
                var token = tokens[t];
                var afterDot = t > 0 && tokens[t - 1].Is(TokenKind.Operator, ".");
                var called = t + 1 < tokens.Count && tokens[t + 1].Is(TokenKind.Open, "(");
                if (Syntax.IsIdentifier(token, Language.CSharp) && char.IsLower(token.Text[0]) && !afterDot && !called)
                {
                    var distance = Math.Abs(i - index);
                    if (!nearest.TryGetValue(token.Text, out var d) || distance < d)
                    {
                        nearest[token.Text] = distance;
                    }
                }
            }
        }

        return nearest.OrderBy(p => p.Value).ThenBy(p => p.Key, StringComparer.Ordinal).Select(p => p.Key).Take(MaxVariables).ToList();
    }
}
