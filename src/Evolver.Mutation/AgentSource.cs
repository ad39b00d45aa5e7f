using Microsoft.CodeAnalysis;

namespace Evolver.Mutation;

/// <summary>An agent folder as validation and the mutators see it: its files, their total size, and its parsed C# sources.</summary>
internal sealed class AgentSource
{
    private AgentSource(string directory, IReadOnlyList<string> files, long totalBytes, IReadOnlyList<SyntaxTree> trees)
    {
        Directory = directory;
        Files = files;
        TotalBytes = totalBytes;
        Trees = trees;
    }

    /// <summary>The folder, full path without a trailing separator.</summary>
    public string Directory { get; }

    /// <summary>Every file of the folder, relative with <c>/</c> separators, in ordinal order (see <see cref="AgentSourceFiles.FindAll"/>).</summary>
    public IReadOnlyList<string> Files { get; }

    /// <summary>The files' total size in bytes.</summary>
    public long TotalBytes { get; }

    /// <summary>The <c>*.cs</c> files parsed as <see cref="AgentBuilder"/> parses them, each named by its relative path; empty when not parsed.</summary>
    public IReadOnlyList<SyntaxTree> Trees { get; }

    /// <summary>Lists <paramref name="directory"/> and, unless <paramref name="parse"/> is false, parses its C# files.</summary>
    /// <exception cref="DirectoryNotFoundException">The folder does not exist.</exception>
    public static async Task<AgentSource> LoadAsync(string directory, bool parse, CancellationToken cancellationToken)
    {
        directory = Path.TrimEndingDirectorySeparator(Path.GetFullPath(directory));
        if (!System.IO.Directory.Exists(directory))
        {
            throw new DirectoryNotFoundException($"agent folder {directory} does not exist");
        }

        var files = AgentSourceFiles.FindAll(directory);
        var total = files.Sum(f => new FileInfo(Path.Combine(directory, f)).Length);
        var trees = new List<SyntaxTree>();
        if (parse)
        {
            foreach (var file in AgentSourceFiles.Find(directory))
            {
                var content = await File.ReadAllBytesAsync(Path.Combine(directory, file), cancellationToken).ConfigureAwait(false);
                trees.Add(AgentCompiler.Parse(content, file, cancellationToken));
            }
        }

        return new AgentSource(directory, files, total, trees);
    }
}
