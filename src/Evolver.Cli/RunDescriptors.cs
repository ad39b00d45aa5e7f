using Evolver.Core;
using Microsoft.CodeAnalysis.CSharp;

namespace Evolver.Cli;

/// <summary>Numeric descriptors of an agent's source for <c>map_elites</c>: its Roslyn syntax-tree size.</summary>
internal static class RunDescriptors
{
    private static readonly string[] Skipped = ["bin", "obj", ".git"];

    /// <summary><see cref="SelectionCandidate.SyntaxSize"/>: the number of syntax nodes over every C# file of the folder.</summary>
    public static IReadOnlyDictionary<string, double> Measure(string sourceDirectory)
    {
        var nodes = 0L;
        foreach (var file in Directory.EnumerateFiles(sourceDirectory, "*.cs", SearchOption.AllDirectories))
        {
            var relative = Path.GetRelativePath(sourceDirectory, file).Split(Path.DirectorySeparatorChar);
            if (relative.Any(part => Skipped.Contains(part)))
            {
                continue;
            }

            nodes += CSharpSyntaxTree.ParseText(File.ReadAllText(file)).GetRoot().DescendantNodesAndSelf().LongCount();
        }

        return new Dictionary<string, double>(StringComparer.Ordinal) { [SelectionCandidate.SyntaxSize] = nodes };
    }
}
