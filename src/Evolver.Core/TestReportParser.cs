using System.Text.RegularExpressions;
using System.Xml;
using System.Xml.Linq;

namespace Evolver.Core;

/// <summary>Reads per-test results from a scoring run's output or report files.</summary>
public static partial class TestReportParser
{
    /// <summary>Parses the results of a run in <paramref name="format"/>.</summary>
    /// <param name="format">The task's test format.</param>
    /// <param name="output">Combined stdout and stderr of the test command.</param>
    /// <param name="reportFiles">Contents of report files (JUnit XML or TRX) the command wrote.</param>
    /// <param name="exitCode">Exit code of the test command, or null when it was killed.</param>
    /// <param name="exitCodeTestId">The single test id an exit-code task scores.</param>
    public static IReadOnlyDictionary<string, TestOutcome> Parse(
        TestFormat format, string output, IReadOnlyList<string> reportFiles, int? exitCode, string? exitCodeTestId = null)
    {
        var results = new Dictionary<string, TestOutcome>(StringComparer.Ordinal);
        switch (format)
        {
            case TestFormat.Pytest:
                ParsePytest(output, results);
                break;
            case TestFormat.JunitXml:
                foreach (var report in reportFiles)
                {
                    ParseJunit(report, results);
                }

                break;
            case TestFormat.Trx:
                foreach (var report in reportFiles)
                {
                    ParseTrx(report, results);
                }

                break;
            case TestFormat.ExitCode:
                if (exitCodeTestId is not null && exitCode is not null)
                {
                    results[exitCodeTestId] = exitCode == 0 ? TestOutcome.Passed : TestOutcome.Failed;
                }

                break;
        }

        return results;
    }

    // pytest -rA "short test summary info" lines: "PASSED tests/test_a.py::test_x[1-2]" or
    // "FAILED tests/test_a.py::test_y - AssertionError: ...".
    [GeneratedRegex(@"^(PASSED|FAILED|ERROR|SKIPPED|XFAIL|XPASS)\s+(\S+(?:\[[^\]]*\])?)(?:\s+-\s.*)?$", RegexOptions.Multiline)]
    private static partial Regex PytestLine();

    private static void ParsePytest(string output, Dictionary<string, TestOutcome> results)
    {
        foreach (Match m in PytestLine().Matches(output.Replace("\r", string.Empty)))
        {
            var id = m.Groups[2].Value;
            var outcome = m.Groups[1].Value switch
            {
                "PASSED" or "XFAIL" => TestOutcome.Passed,
                "FAILED" or "XPASS" => TestOutcome.Failed,
                "ERROR" => TestOutcome.Error,
                _ => TestOutcome.Skipped,
            };

            // A test that passed its call but errored in teardown is reported twice; the worse wins.
            results[id] = results.TryGetValue(id, out var prior) && prior != TestOutcome.Passed ? prior : outcome;
        }
    }

    private static XDocument? LoadXml(string xml)
    {
        try
        {
            return XDocument.Parse(xml);
        }
        catch (XmlException)
        {
            return null;
        }
    }

    private static void ParseJunit(string xml, Dictionary<string, TestOutcome> results)
    {
        if (LoadXml(xml) is not { } doc)
        {
            return;
        }

        foreach (var testcase in doc.Descendants().Where(e => e.Name.LocalName == "testcase"))
        {
            var name = (string?)testcase.Attribute("name");
            if (name is null)
            {
                continue;
            }

            var cls = (string?)testcase.Attribute("classname");
            var id = string.IsNullOrEmpty(cls) ? name : cls + "." + name;
            var children = testcase.Elements().Select(e => e.Name.LocalName).ToHashSet();
            results[id] = children.Contains("error") ? TestOutcome.Error
                : children.Contains("failure") ? TestOutcome.Failed
                : children.Contains("skipped") ? TestOutcome.Skipped
                : TestOutcome.Passed;
        }
    }

    private static void ParseTrx(string xml, Dictionary<string, TestOutcome> results)
    {
        if (LoadXml(xml) is not { } doc)
        {
            return;
        }

        foreach (var result in doc.Descendants().Where(e => e.Name.LocalName == "UnitTestResult"))
        {
            var name = (string?)result.Attribute("testName");
            if (name is null)
            {
                continue;
            }

            results[name] = (string?)result.Attribute("outcome") switch
            {
                "Passed" => TestOutcome.Passed,
                "NotExecuted" or "Inconclusive" => TestOutcome.Skipped,
                "Error" or "Timeout" or "Aborted" => TestOutcome.Error,
                _ => TestOutcome.Failed,
            };
        }
    }
}
