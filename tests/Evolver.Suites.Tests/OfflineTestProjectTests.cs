using System.Text.RegularExpressions;
using System.Xml.Linq;
using Xunit;

namespace Evolver.Suites.Tests;

public sealed class OfflineTestProjectTests
{
    public static TheoryData<string> UpstreamProjects() =>
        new(Directory.GetFiles(Upstream.ExercismCsharp, "*.csproj", SearchOption.AllDirectories).Select(f => Path.GetRelativePath(Upstream.ExercismCsharp, f)).Order());

    [Theory]
    [MemberData(nameof(UpstreamProjects))]
    public void Rewrite_UpstreamProject_PinsOfflinePackagesAndDropsWhatCannotRestore(string project)
    {
        var upstream = File.ReadAllText(Path.Combine(Upstream.ExercismCsharp, project));

        var rewritten = OfflineTestProject.Rewrite(upstream, out var problem);

        Assert.True(rewritten is not null, problem);
        var doc = XDocument.Parse(rewritten);
        Assert.Equal("net10.0", Assert.Single(doc.Descendants("TargetFramework")).Value);
        Assert.Empty(doc.Descendants("OutputType"));
        Assert.Empty(doc.Descendants("RestorePackagesWithLockFile"));
        var packages = doc.Descendants("PackageReference").ToDictionary(p => (string)p.Attribute("Include")!, p => (string?)p.Attribute("Version"));
        Assert.Equal("18.0.1", packages["Microsoft.NET.Test.Sdk"]);
        Assert.Equal("2.9.3", packages["xunit"]);
        Assert.Equal("3.1.5", packages["xunit.runner.visualstudio"]);
        Assert.DoesNotContain("xunit.v3", packages.Keys);
        Assert.DoesNotContain("Exercism.Tests.xunit.v3", packages.Keys);
        Assert.Contains(doc.Descendants("Using"), u => (string?)u.Attribute("Include") == "Xunit");
        Assert.DoesNotMatch(@"\n\s*\n\s*\n", rewritten);
    }

    [Fact]
    public void Rewrite_ProjectWithAnotherPackage_KeepsIt()
    {
        var upstream = File.ReadAllText(Path.Combine(Upstream.ExercismCsharp, "hangman", "Hangman.csproj"));

        var rewritten = OfflineTestProject.Rewrite(upstream, out _)!;

        Assert.Contains("<PackageReference Include=\"Microsoft.Reactive.Testing\" Version=\"5.0.0\" />", rewritten);
    }

    [Fact]
    public void Rewrite_NotAnSdkProject_ReturnsProblem()
    {
        Assert.Null(OfflineTestProject.Rewrite("<Project><PropertyGroup /></Project>", out var problem));
        Assert.Contains("SDK-style", problem);
        Assert.Null(OfflineTestProject.Rewrite("<Project", out problem));
        Assert.Contains("not valid XML", problem);
    }

    [Fact]
    public void StripSkips_EveryUpstreamTestFile_LeavesEveryTestRunnable()
    {
        foreach (var file in Directory.GetFiles(Upstream.ExercismCsharp, "*Tests.cs", SearchOption.AllDirectories))
        {
            var upstream = File.ReadAllText(file);

            var stripped = OfflineTestProject.StripSkips(upstream);

            Assert.DoesNotContain("Skip", stripped);
            Assert.Equal(Regex.Matches(upstream, @"\[Fact").Count, Regex.Matches(stripped, @"\[Fact\]").Count);
            Assert.Equal(upstream.Split('\n').Length, stripped.Split('\n').Length);
        }
    }

    [Theory]
    [InlineData("[Fact(Skip = \"later\")]", "[Fact]")]
    [InlineData("[Theory(DisplayName = \"x, y\", Skip = \"later\")]", "[Theory(DisplayName = \"x, y\")]")]
    [InlineData("[Fact(Skip = \"a \\\"quoted\\\" reason\", Timeout = 5)]", "[Fact(Timeout = 5)]")]
    [InlineData("var Skip = \"not an attribute\";", "var Skip = \"not an attribute\";")]
    public void StripSkips_Arguments_RemovesOnlySkip(string code, string expected) =>
        Assert.Equal(expected, OfflineTestProject.StripSkips(code));
}
