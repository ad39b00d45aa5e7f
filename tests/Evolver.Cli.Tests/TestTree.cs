namespace Evolver.Cli.Tests;

internal static class TestTree
{
    /// <summary>Copies a file, or a folder with everything in it, creating the target's parents.</summary>
    public static void Copy(string from, string to)
    {
        if (File.Exists(from))
        {
            Directory.CreateDirectory(Path.GetDirectoryName(to)!);
            File.Copy(from, to);
            return;
        }

        foreach (var file in Directory.GetFiles(from, "*", SearchOption.AllDirectories))
        {
            Copy(file, Path.Combine(to, Path.GetRelativePath(from, file)));
        }
    }
}
