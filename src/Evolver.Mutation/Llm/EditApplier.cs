namespace Evolver.Mutation;

/// <summary>
/// Holds a child agent's files in memory while a model's edit blocks are applied to them, one by one; an edit that
/// cannot be applied leaves the files as they were and says why, so the model can be told.
/// </summary>
internal sealed class EditApplier(IReadOnlyDictionary<string, string> files)
{
    private readonly Dictionary<string, string> current = new(files, StringComparer.Ordinal);
    private readonly SortedSet<string> changed = new(StringComparer.Ordinal);

    /// <summary>The files now: relative path to content.</summary>
    public IReadOnlyDictionary<string, string> Files => current;

    /// <summary>The files any applied edit touched, in ordinal order.</summary>
    public IReadOnlyCollection<string> Changed => changed;

    /// <summary>Applies <paramref name="block"/>; returns null on success, else what is wrong, naming the block.</summary>
    public string? Apply(EditBlock block)
    {
        if (PathProblem(block.Path) is { } pathProblem)
        {
            return $"{block.Title}: {pathProblem}";
        }

        string? updated;
        string? problem;
        if (block.Kind == EditKind.File)
        {
            (updated, problem) = (block.Body, null);
        }
        else if (!current.TryGetValue(block.Path, out var source))
        {
            (updated, problem) = (null, $"there is no file {block.Path} (files: {string.Join(", ", current.Keys.Order(StringComparer.Ordinal))})");
        }
        else if (block.Kind == EditKind.Member)
        {
            (updated, problem) = block.Path.EndsWith(".cs", StringComparison.Ordinal)
                ? MemberEdit.Apply(source, block.Target, block.Body)
                : (null, "MEMBER edits apply to C# files only");
        }
        else
        {
            (updated, problem) = SearchReplace(source, block.Search, block.Body);
        }

        if (problem is not null)
        {
            return $"{block.Title}: {problem}";
        }

        current[block.Path] = updated!;
        changed.Add(block.Path);
        return null;
    }

    private static (string? Text, string? Problem) SearchReplace(string source, string search, string replacement)
    {
        if (search.Trim().Length == 0)
        {
            return (null, "the search text is empty");
        }

        // A search that ends the file may lack the file's final newline.
        foreach (var (find, put) in new[] { (search, replacement), (search.TrimEnd('\n'), replacement.TrimEnd('\n')) })
        {
            var at = source.IndexOf(find, StringComparison.Ordinal);
            if (at < 0)
            {
                continue;
            }

            if (source.IndexOf(find, at + 1, StringComparison.Ordinal) >= 0)
            {
                return (null, "the search text occurs more than once; include more lines to make it unique");
            }

            return (string.Concat(source.AsSpan(0, at), put, source.AsSpan(at + find.Length)), null);
        }

        return (null, "the search text does not occur in the file; copy it exactly, whitespace included");
    }

    /// <summary>Why <paramref name="path"/> may not be written, or null.</summary>
    private static string? PathProblem(string path)
    {
        var parts = path.Split('/');
        if (path.StartsWith('/') || path.Contains('\\') || parts.Any(p => p.Length == 0 || p == ".." || p.StartsWith('.')))
        {
            return "the path must be relative to the agent folder, with '/' separators and no '..' or hidden parts";
        }

        return parts.Length > 1 && parts[0] is "bin" or "obj" ? "bin/ and obj/ hold build output, not source" : null;
    }
}
