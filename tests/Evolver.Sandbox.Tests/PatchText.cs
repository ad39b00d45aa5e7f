using Xunit;

namespace Evolver.Sandbox.Tests;

/// <summary>Reads a file an agent added out of its diff. Linked into Evolver.Gateway.Tests too.</summary>
internal static class PatchText
{
    /// <summary>The text of a file the patch adds: its '+' lines.</summary>
    public static string AddedFileText(string patch, string file)
    {
        var lines = patch.Split('\n');
        var start = Array.FindIndex(lines, l => l == $"+++ b/{file}");
        Assert.True(start >= 0, $"the patch adds no {file}");
        return string.Join('\n', lines.Skip(start + 1).TakeWhile(l => !l.StartsWith("diff --git", StringComparison.Ordinal))
            .Where(l => l.StartsWith('+')).Select(l => l[1..]));
    }
}
