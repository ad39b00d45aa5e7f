using System.Globalization;
using System.Xml.Linq;

namespace Evolver.Cli;

/// <summary>The replay's comparison as JUnit XML: one test case per task, a failure where the replay differs.</summary>
internal static class JUnitReport
{
    public static XDocument Build(string agentId, string suite, IReadOnlyList<ReplayVerdict> verdicts, TimeSpan duration)
    {
        static string Seconds(TimeSpan t) => t.TotalSeconds.ToString("0.###", CultureInfo.InvariantCulture);
        var failures = verdicts.Count(v => !v.Passed);
        var cases = verdicts.Select(v =>
        {
            var element = new XElement("testcase", new XAttribute("classname", $"replay.{agentId}.{suite}"), new XAttribute("name", v.Task), new XAttribute("time", Seconds(v.Duration)));
            if (v.Failure is { } failure)
            {
                element.Add(new XElement(
                    "failure",
                    new XAttribute("message", failure.Length <= 500 ? failure : failure[..500] + "…"),
                    new XAttribute("type", failure.StartsWith("regression", StringComparison.Ordinal) ? "regression" : failure.StartsWith("replay:", StringComparison.Ordinal) ? "unrecorded_request" : "difference"),
                    failure));
            }
            else
            {
                element.Add(new XElement("system-out", $"archived and replayed: {ReplayVerdict.Word(v.Archived)}"));
            }

            return element;
        });
        var testSuite = new XElement(
            "testsuite",
            new XAttribute("name", $"replay {agentId} on {suite}"),
            new XAttribute("tests", verdicts.Count),
            new XAttribute("failures", failures),
            new XAttribute("errors", 0),
            new XAttribute("time", Seconds(duration)),
            cases);
        return new XDocument(
            new XDeclaration("1.0", "utf-8", null),
            new XElement("testsuites", new XAttribute("name", "evolver replay"), new XAttribute("tests", verdicts.Count), new XAttribute("failures", failures), testSuite));
    }
}
