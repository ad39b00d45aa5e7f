/// <summary>Repair templates that use the wrong variable or attribute: the misused-name bugs.</summary>
internal static class NameTemplates
{
    private const int MaxAttributes = 10;

    /// <summary>A variable read replaced by another variable of the same function, nearest definitions first.</summary>
    public static IEnumerable<string> ReplaceVariable(LineContext line)
    {
        for (var i = 0; i < line.Tokens.Count; i++)
        {
            if (!line.IsVariableUse(i) || IsAssignmentTarget(line, i))
            {
                continue;
            }

            foreach (var other in line.Variables.Where(v => v != line.Tokens[i].Text))
            {
                yield return line.Replace(i, other);
            }
        }
    }

    /// <summary>An attribute replaced by another attribute name the repository uses: <c>node.outgoing</c> to <c>node.incoming</c>.</summary>
    public static IEnumerable<string> ReplaceAttribute(LineContext line)
    {
        for (var i = 1; i < line.Tokens.Count; i++)
        {
            var called = i + 1 < line.Tokens.Count && line.Tokens[i + 1].Is(TokenKind.Open, "(");
            if (!line.Tokens[i - 1].Is(TokenKind.Operator, ".") || line.Tokens[i].Kind != TokenKind.Name || called)
            {
                continue;
            }

            foreach (var other in line.Attributes.Where(a => a != line.Tokens[i].Text).Take(MaxAttributes))
            {
                yield return line.Replace(i, other);
            }
        }
    }

    /// <summary>True for a name before a top-level assignment (<c>x = ...</c>), which is a definition rather than a read.</summary>
    private static bool IsAssignmentTarget(LineContext line, int i)
    {
        var depth = 0;
        for (var t = 0; t < line.Tokens.Count; t++)
        {
            var token = line.Tokens[t];
            depth += token.Kind switch { TokenKind.Open => 1, TokenKind.Close => -1, _ => 0 };
            if (depth == 0 && token.Kind == TokenKind.Operator && token.Text is "=" or ":=")
            {
                return i < t;
            }
        }

        return false;
    }
}
