namespace Evolver.Mutation;

/// <summary>One edit the model asked for.</summary>
/// <param name="Kind">What the block does.</param>
/// <param name="Path">The file, relative to the agent folder, with <c>/</c> separators.</param>
/// <param name="Target">For <see cref="EditKind.Member"/>: the type (<c>Outer.Inner</c>); otherwise empty.</param>
/// <param name="Search">For <see cref="EditKind.SearchReplace"/>: the text to find; otherwise empty.</param>
/// <param name="Body">The new member, the replacement text, or the file's content.</param>
internal sealed record EditBlock(EditKind Kind, string Path, string Target, string Search, string Body)
{
    /// <summary>The block's header, for messages: <c>MEMBER Foo.cs Foo</c>.</summary>
    public string Title => Kind switch
    {
        EditKind.Member => $"MEMBER {Path} {Target}",
        EditKind.SearchReplace => $"SEARCH {Path}",
        _ => $"FILE {Path}",
    };
}
