/// <summary>One suspicious line and what the templates may use to rewrite it.</summary>
internal sealed class LineContext
{
    public LineContext(SourceFile source, int index, IReadOnlyList<string> attributes)
    {
        Source = source;
        Index = index;
        Text = source.Lines[index];
        Tokens = Tokenizer.Tokenize(Text, source.Language).Where(t => t.Kind != TokenKind.Comment).ToList();
        Variables = Scope.Variables(source, index);
        Attributes = attributes;
    }

    public SourceFile Source { get; }

    public int Index { get; }

    /// <summary>The line as it is.</summary>
    public string Text { get; }

    /// <summary>The line's tokens, comments left out.</summary>
    public List<Token> Tokens { get; }

    public Language Language => Source.Language;

    /// <summary>Variables visible from the line, nearest definition first.</summary>
    public IReadOnlyList<string> Variables { get; }

    /// <summary>Attribute names used in the repository, most used first.</summary>
    public IReadOnlyList<string> Attributes { get; }

    /// <summary>The line's leading whitespace.</summary>
    public string Indent => Text[..(Text.Length - Text.TrimStart().Length)];

    /// <summary>The line with token <paramref name="i"/> replaced by <paramref name="text"/>.</summary>
    public string Replace(int i, string text) => Syntax.Splice(Text, Tokens[i].Start, Tokens[i].End, text);

    /// <summary>The line with tokens <paramref name="start"/> to <paramref name="end"/> (exclusive) replaced by <paramref name="text"/>.</summary>
    public string Replace(int start, int end, string text) => Syntax.Splice(Text, Tokens[start].Start, Tokens[end - 1].End, text);

    /// <summary>The text of tokens <paramref name="start"/> to <paramref name="end"/> (exclusive).</summary>
    public string Slice(int start, int end) => Syntax.Slice(Text, Tokens, start, end);

    /// <summary>True when token <paramref name="i"/> is a variable read: an identifier, not an attribute, call or keyword argument.</summary>
    public bool IsVariableUse(int i)
    {
        var token = Tokens[i];
        if (!Syntax.IsIdentifier(token, Language) || (i > 0 && Tokens[i - 1].Is(TokenKind.Operator, ".")))
        {
            return false;
        }

        var next = i + 1 < Tokens.Count ? Tokens[i + 1] : null;
        return next is null || !(next.Is(TokenKind.Open, "(") || (next.Is(TokenKind.Operator, "=") && i > 0 && Tokens[i - 1].Text is "(" or ","));
    }

    /// <summary>
    /// True when the primary expression at tokens <paramref name="start"/> to <paramref name="end"/> stands alone as an
    /// operand: an argument, a subscript or slice bound, a returned or assigned value.
    /// </summary>
    public bool IsStandaloneOperand(int start, int end)
    {
        var before = start > 0 ? Tokens[start - 1] : null;
        var after = end < Tokens.Count ? Tokens[end] : null;
        var openBefore = before is not null && (before.Kind == TokenKind.Open || before.Text is "," or ":" or "return" or "=" or "in");
        var closeAfter = after is null || after.Kind == TokenKind.Close || after.Text is "," or ":" or ";";
        return openBefore && closeAfter;
    }
}
