using System.Text.RegularExpressions;
using System.Xml;
using System.Xml.Linq;

namespace Evolver.Suites;

/// <summary>
/// Makes an Exercism C# test project restore offline, per the sandbox contract: net10.0, Microsoft.NET.Test.Sdk 18.0.1,
/// xunit 2.9.3 and xunit.runner.visualstudio 3.1.5 from the single source <c>/opt/nuget/packages</c>; no executable
/// output, no lock file and no Exercism.Tests.xunit.v3 (not in the offline folder).
/// </summary>
internal static partial class OfflineTestProject
{
    public const string NuGetConfigFileName = "nuget.config";

    public const string NuGetConfig = """
        <?xml version="1.0" encoding="utf-8"?>
        <configuration>
          <packageSources>
            <clear />
            <add key="offline" value="/opt/nuget/packages" />
          </packageSources>
        </configuration>

        """;

    private static readonly Dictionary<string, (string Id, string Version)> Pinned = new(StringComparer.OrdinalIgnoreCase)
    {
        ["Microsoft.NET.Test.Sdk"] = ("Microsoft.NET.Test.Sdk", "18.0.1"),
        ["xunit"] = ("xunit", "2.9.3"),
        ["xunit.v3"] = ("xunit", "2.9.3"),
        ["xunit.runner.visualstudio"] = ("xunit.runner.visualstudio", "3.1.5"),
    };

    private static readonly string[] DroppedPackages = ["Exercism.Tests.xunit.v3", "Exercism.Tests"];

    private static readonly string[] DroppedProperties = ["OutputType", "RestorePackagesWithLockFile", "RestoreLockedMode", "TargetFrameworks"];

    /// <summary>The rewritten project file, or null with a reason when it is not an SDK-style project.</summary>
    public static string? Rewrite(string csproj, out string problem)
    {
        problem = "";
        XDocument doc;
        try
        {
            doc = XDocument.Parse(csproj, LoadOptions.PreserveWhitespace);
        }
        catch (XmlException e)
        {
            problem = "the project file is not valid XML: " + e.Message;
            return null;
        }

        if (doc.Root is not { Name.LocalName: "Project" } project || project.Attribute("Sdk") is null)
        {
            problem = "the project file is not an SDK-style <Project Sdk=\"...\">";
            return null;
        }

        foreach (var element in project.Descendants().Where(e => DroppedProperties.Contains(e.Name.LocalName)).ToList())
        {
            Remove(element);
        }

        var frameworks = project.Descendants().Where(e => e.Name.LocalName == "TargetFramework").ToList();
        if (frameworks.Count == 0)
        {
            var group = project.Elements().FirstOrDefault(e => e.Name.LocalName == "PropertyGroup")
                ?? AddGroup(project, "PropertyGroup");
            group.AddFirst(new XText("\n    "), new XElement("TargetFramework", "net10.0"));
        }

        foreach (var framework in frameworks)
        {
            framework.Value = "net10.0";
        }

        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var reference in project.Descendants().Where(e => e.Name.LocalName == "PackageReference").ToList())
        {
            var id = (string?)reference.Attribute("Include") ?? "";
            if (DroppedPackages.Contains(id, StringComparer.OrdinalIgnoreCase) || (Pinned.TryGetValue(id, out var pin) && !seen.Add(pin.Id)))
            {
                Remove(reference);
            }
            else if (Pinned.TryGetValue(id, out pin))
            {
                reference.SetAttributeValue("Include", pin.Id);
                reference.SetAttributeValue("Version", pin.Version);
            }
        }

        foreach (var (id, version) in Pinned.Values.Distinct().Where(p => !seen.Contains(p.Id)))
        {
            var group = project.Descendants().FirstOrDefault(e => e.Name.LocalName == "PackageReference")?.Parent
                ?? AddGroup(project, "ItemGroup");
            group.Add(new XText("  "), new XElement("PackageReference", new XAttribute("Include", id), new XAttribute("Version", version)), new XText("\n  "));
        }

        return project.ToString(SaveOptions.DisableFormatting) + "\n";
    }

    /// <summary>Removes <c>Skip = "..."</c> from test attributes, so that every test runs: <c>[Fact(Skip = "x")]</c> becomes <c>[Fact]</c>.</summary>
    public static string StripSkips(string code) => TestAttribute().Replace(code, m =>
    {
        var arguments = SkipArgument().Replace(m.Groups[2].Value, "").Trim().TrimEnd(',').Trim();
        return arguments.Length == 0 ? $"[{m.Groups[1].Value}]" : $"[{m.Groups[1].Value}({arguments})]";
    });

    private static XElement AddGroup(XElement project, string name)
    {
        var group = new XElement(name, new XText("\n  "));
        project.Add(new XText("  "), group, new XText("\n"));
        return group;
    }

    /// <summary>Removes an element with the indentation before it, so no blank line is left.</summary>
    private static void Remove(XElement element)
    {
        if (element.PreviousNode is XText { Value: var space } text && string.IsNullOrWhiteSpace(space))
        {
            text.Remove();
        }

        element.Remove();
    }

    // [Fact(...)] or [Theory(...)], arguments on one line as Exercism writes them.
    [GeneratedRegex("""\[(Fact|Theory)\(((?:[^()"\]]|"(?:[^"\\]|\\.)*")*)\)\]""")]
    private static partial Regex TestAttribute();

    // The named argument with the comma before or after it: Skip = "a", or DisplayName = "x", Skip = "a".
    [GeneratedRegex("""(?:,\s*Skip\s*=\s*"(?:[^"\\]|\\.)*"|Skip\s*=\s*"(?:[^"\\]|\\.)*"\s*,?\s*)""")]
    private static partial Regex SkipArgument();
}
