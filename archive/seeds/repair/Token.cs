/// <summary>One token of a source line, with its place in the line so edits keep the rest of the line as it was.</summary>
/// <param name="Kind">What the token is.</param>
/// <param name="Text">The token's text.</param>
/// <param name="Start">Index of its first character in the line.</param>
internal sealed record Token(TokenKind Kind, string Text, int Start)
{
    /// <summary>Index just past its last character.</summary>
    public int End => Start + Text.Length;

    /// <summary>True for a token of kind <paramref name="kind"/> whose text is <paramref name="text"/>.</summary>
    public bool Is(TokenKind kind, string text) => Kind == kind && Text == text;
}
