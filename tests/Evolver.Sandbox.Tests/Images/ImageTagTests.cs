using Xunit;

namespace Evolver.Sandbox.Tests.Images;

/// <summary>The content hash behind the concrete tags, on a temporary copy of docker/ (no engine needed).</summary>
public sealed class ImageTagTests
{
    private static readonly string[] Families = ["evolver-base", "evolver-python", "evolver-dotnet"];

    [Fact]
    public void TagOf_SameInputsElsewhere_GivesSameTags()
    {
        using var copy = new DockerFolderCopy();

        foreach (var family in Families)
        {
            var real = SandboxImages.TagOf(family, TestImages.Options);
            Assert.Equal(real, SandboxImages.TagOf(family, copy.Options()));
            Assert.Matches($"^{family}:[0-9a-f]{{16}}$", real);
        }
    }

    [Fact]
    public void TagOf_ChangedPythonDockerfile_ChangesOnlyPythonTag()
    {
        using var copy = new DockerFolderCopy();
        var before = Families.ToDictionary(f => f, f => SandboxImages.TagOf(f, copy.Options()));

        copy.Append("python/Dockerfile", "\nRUN true\n");

        Assert.NotEqual(before["evolver-python"], SandboxImages.TagOf("evolver-python", copy.Options()));
        Assert.Equal(before["evolver-dotnet"], SandboxImages.TagOf("evolver-dotnet", copy.Options()));
        Assert.Equal(before["evolver-base"], SandboxImages.TagOf("evolver-base", copy.Options()));
    }

    [Fact]
    public void TagOf_NewFileInDotnetFolder_ChangesDotnetTag()
    {
        using var copy = new DockerFolderCopy();
        var before = SandboxImages.TagOf("evolver-dotnet", copy.Options());

        copy.Write("dotnet/warmup/Extra.cs", "// a new input");

        Assert.NotEqual(before, SandboxImages.TagOf("evolver-dotnet", copy.Options()));
    }

    [Fact]
    public void TagOf_ChangedBasePackages_ChangesEveryTag()
    {
        using var copy = new DockerFolderCopy();
        var before = Families.ToDictionary(f => f, f => SandboxImages.TagOf(f, copy.Options()));

        copy.Append("base/packages.txt", "procps\n");

        foreach (var family in Families)
        {
            Assert.NotEqual(before[family], SandboxImages.TagOf(family, copy.Options()));
        }
    }

    [Fact]
    public void TagOf_ChangedOfflinePackageList_ChangesOnlyDotnetTag()
    {
        using var copy = new DockerFolderCopy();
        var packages = Directory.CreateTempSubdirectory("evolver-offline-").FullName;
        try
        {
            DockerFolderCopy.Copy(new ImageBuildOptions().OfflinePackagesDirectory, packages);
            var dotnet = SandboxImages.TagOf("evolver-dotnet", copy.Options(packages));
            var python = SandboxImages.TagOf("evolver-python", copy.Options(packages));
            Assert.Equal(SandboxImages.TagOf("evolver-dotnet", copy.Options()), dotnet);

            Directory.CreateDirectory(Path.Combine(packages, "extra.package", "1.0.0"));
            File.WriteAllText(Path.Combine(packages, "extra.package", "1.0.0", "extra.package.nuspec"), "<package />");

            Assert.NotEqual(dotnet, SandboxImages.TagOf("evolver-dotnet", copy.Options(packages)));
            Assert.Equal(python, SandboxImages.TagOf("evolver-python", copy.Options(packages)));
        }
        finally
        {
            Directory.Delete(packages, recursive: true);
        }
    }

    [Theory]
    [InlineData("python")]
    [InlineData("evolver-")]
    [InlineData("evolver-Python")]
    [InlineData("evolver-nosuchfamily")]
    public void TagOf_BadFamily_Throws(string family)
    {
        using var copy = new DockerFolderCopy();

        var error = Assert.Throws<ArgumentException>(() => SandboxImages.TagOf(family, copy.Options()));
        Assert.Contains(family, error.Message, StringComparison.Ordinal);
    }
}
