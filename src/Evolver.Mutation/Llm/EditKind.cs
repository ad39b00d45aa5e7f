namespace Evolver.Mutation;

/// <summary>The kinds of edit block a model may send (the format is in <c>Prompts/edit-format.md</c>).</summary>
internal enum EditKind
{
    /// <summary>Replace or add one member of a type, or a whole type, located with Roslyn.</summary>
    Member,

    /// <summary>Replace one exact, unique piece of text.</summary>
    SearchReplace,

    /// <summary>Write a whole file.</summary>
    File,
}
