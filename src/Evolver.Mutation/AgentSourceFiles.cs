namespace Evolver.Mutation;

/// <summary>Finds the C# files of an agent folder the way the .NET SDK's default globs do.</summary>
internal static class AgentSourceFiles
{
    /// <summary>Top-level folders holding build output rather than source.</summary>
    private static readonly string[] OutputFolders = ["bin", "obj"];

    /// <summary>
    /// The <c>*.cs</c> files under <paramref name="agentDirectory"/> as paths relative to it with <c>/</c> separators,
    /// in ordinal order so the compilation and its output do not depend on the file system's listing order.
    /// Top-level <c>bin/</c> and <c>obj/</c> and hidden folders (<c>.git</c>) are skipped, as the SDK skips them.
    /// </summary>
    public static IReadOnlyList<string> Find(string agentDirectory) => Find(agentDirectory, "*.cs");

    /// <summary>Every file of the agent folder, with the same skips and order as <see cref="Find(string)"/>: what its source tree holds.</summary>
    public static IReadOnlyList<string> FindAll(string agentDirectory) => Find(agentDirectory, "*");

    private static IReadOnlyList<string> Find(string agentDirectory, string pattern)
    {
        var found = new List<string>();
        Walk(agentDirectory, "", pattern, found);
        found.Sort(StringComparer.Ordinal);
        return found;
    }

    private static void Walk(string directory, string relative, string pattern, List<string> found)
    {
        foreach (var file in Directory.EnumerateFiles(directory, pattern))
        {
            found.Add(relative + Path.GetFileName(file));
        }

        foreach (var child in Directory.EnumerateDirectories(directory))
        {
            var name = Path.GetFileName(child);
            var skipped = name.StartsWith('.')
                || (relative.Length == 0 && OutputFolders.Contains(name, StringComparer.OrdinalIgnoreCase))
                || new DirectoryInfo(child).LinkTarget is not null;
            if (!skipped)
            {
                Walk(child, relative + name + "/", pattern, found);
            }
        }
    }
}
