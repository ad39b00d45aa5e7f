using Xunit;

namespace Evolver.Core.Tests;

public sealed class TestReportParserTests
{
    [Fact]
    public void Parse_PytestSummary_ReadsEachOutcome()
    {
        const string output = """
            ============================= test session starts ==============================
            tests/test_a.py ..F
            =========================== short test summary info ============================
            PASSED tests/test_a.py::test_one
            PASSED tests/test_a.py::test_param[1-2]
            FAILED tests/test_a.py::test_two - AssertionError: assert 1 == 2
            ERROR tests/test_b.py::test_three - ModuleNotFoundError: No module named 'x'
            SKIPPED [1] tests/test_c.py:3: unconditional skip
            XFAIL tests/test_a.py::test_expected
            ========================= 2 passed, 1 failed in 0.03s ==========================
            """;

        var results = TestReportParser.Parse(TestFormat.Pytest, output, [], 1);

        Assert.Equal(TestOutcome.Passed, results["tests/test_a.py::test_one"]);
        Assert.Equal(TestOutcome.Passed, results["tests/test_a.py::test_param[1-2]"]);
        Assert.Equal(TestOutcome.Failed, results["tests/test_a.py::test_two"]);
        Assert.Equal(TestOutcome.Error, results["tests/test_b.py::test_three"]);
        Assert.Equal(TestOutcome.Passed, results["tests/test_a.py::test_expected"]);
        Assert.Equal(5, results.Count);
    }

    [Fact]
    public void Parse_PytestPassedThenTeardownError_KeepsError()
    {
        const string output = "PASSED t.py::test_x\nERROR t.py::test_x - teardown failed\n";

        var results = TestReportParser.Parse(TestFormat.Pytest, output, [], 1);

        Assert.Equal(TestOutcome.Error, results["t.py::test_x"]);
    }

    [Fact]
    public void Parse_Trx_ReadsTestNamesAndOutcomes()
    {
        const string trx = """
            <?xml version="1.0" encoding="utf-8"?>
            <TestRun xmlns="http://microsoft.com/schemas/VisualStudio/TeamTest/2010">
              <Results>
                <UnitTestResult testName="DartsTests.Missed_target" outcome="Passed" />
                <UnitTestResult testName="DartsTests.Inner_circle" outcome="Failed" />
                <UnitTestResult testName="DartsTests.Skipped" outcome="NotExecuted" />
              </Results>
            </TestRun>
            """;

        var results = TestReportParser.Parse(TestFormat.Trx, "", [trx], 1);

        Assert.Equal(TestOutcome.Passed, results["DartsTests.Missed_target"]);
        Assert.Equal(TestOutcome.Failed, results["DartsTests.Inner_circle"]);
        Assert.Equal(TestOutcome.Skipped, results["DartsTests.Skipped"]);
    }

    [Fact]
    public void Parse_JunitXml_QualifiesWithClassName()
    {
        const string xml = """
            <testsuites><testsuite name="s">
              <testcase classname="pkg.TestA" name="ok"/>
              <testcase classname="pkg.TestA" name="bad"><failure message="x"/></testcase>
              <testcase classname="pkg.TestA" name="boom"><error message="x"/></testcase>
            </testsuite></testsuites>
            """;

        var results = TestReportParser.Parse(TestFormat.JunitXml, "", [xml], 1);

        Assert.Equal(TestOutcome.Passed, results["pkg.TestA.ok"]);
        Assert.Equal(TestOutcome.Failed, results["pkg.TestA.bad"]);
        Assert.Equal(TestOutcome.Error, results["pkg.TestA.boom"]);
    }

    [Fact]
    public void Parse_MalformedXml_YieldsNoResults()
    {
        Assert.Empty(TestReportParser.Parse(TestFormat.Trx, "", ["<TestRun><Results>"], 1));
    }

    [Theory]
    [InlineData(0, TestOutcome.Passed)]
    [InlineData(3, TestOutcome.Failed)]
    public void Parse_ExitCode_ScoresTheSingleTest(int exitCode, TestOutcome expected)
    {
        var results = TestReportParser.Parse(TestFormat.ExitCode, "", [], exitCode, "build");

        Assert.Equal(expected, results["build"]);
    }

    [Fact]
    public void Parse_ExitCodeKilled_ReportsNothing()
    {
        Assert.Empty(TestReportParser.Parse(TestFormat.ExitCode, "", [], null, "build"));
    }
}
