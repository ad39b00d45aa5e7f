/// <summary>What a token of one source line is.</summary>
internal enum TokenKind
{
    /// <summary>An identifier or keyword.</summary>
    Name,

    /// <summary>A numeric literal.</summary>
    Number,

    /// <summary>A string or character literal.</summary>
    String,

    /// <summary>An operator or punctuation other than brackets.</summary>
    Operator,

    /// <summary>An opening bracket: ( [ {.</summary>
    Open,

    /// <summary>A closing bracket: ) ] }.</summary>
    Close,

    /// <summary>A comment running to the end of the line.</summary>
    Comment,
}
