namespace Evolver.Sandbox.Tests.Images;

/// <summary>Image options pointing at this repository's docker/ folder (test binaries may be built outside the tree).</summary>
internal static class TestImages
{
    public static ImageBuildOptions Options { get; } = new() { DockerDirectory = RepoRoot.Combine("docker") };
}
