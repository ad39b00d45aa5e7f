using Xunit;

namespace Evolver.Core.Tests;

public sealed class SuiteLoaderTests : IDisposable
{
    private const string ValidTask = """
        {
          "instance_id": "t1",
          "problem_statement": "Fix the bug.",
          "language": "python",
          "image": "evolver-python",
          "test_command": "python3 -m pytest -rA tests",
          "test_format": "pytest",
          "FAIL_TO_PASS": ["tests/test_a.py::test_x"],
          "PASS_TO_PASS": [],
          "timeouts": { "agent_seconds": 60, "test_seconds": 30 }
        }
        """;

    private readonly TempDirectory dir = new();

    public void Dispose() => dir.Dispose();

    private void WriteSuite(string taskJson, string id = "t1", bool withRepo = true)
    {
        dir.Write("suite.json", """{ "name": "s", "version": "1" }""");
        dir.Write($"tasks/{id}/task.json", taskJson);
        if (withRepo)
        {
            dir.Write($"tasks/{id}/repo/a.py", "x = 1\n");
        }
    }

    [Fact]
    public void Load_ValidSuite_ReturnsTasks()
    {
        WriteSuite(ValidTask);

        var result = SuiteLoader.Load(dir.Path);

        Assert.True(result.IsValid, result.Describe());
        var task = Assert.Single(result.Suite!.Tasks);
        Assert.Equal("t1", task.InstanceId);
        Assert.Equal(TestFormat.Pytest, task.TestFormat);
        Assert.Equal(new TaskTimeouts(60, 30), task.Timeouts);
        Assert.Null(task.GoldPatchPath);
    }

    [Fact]
    public void Load_MissingFolder_NamesIt()
    {
        var result = SuiteLoader.Load(Path.Combine(dir.Path, "nope"));

        var problem = Assert.Single(result.Problems);
        Assert.EndsWith("nope", problem.File);
        Assert.Contains("does not exist", problem.Message);
    }

    [Fact]
    public void Load_InvalidJson_ReportsFileAndLine()
    {
        WriteSuite("{ \"instance_id\": \"t1\",\n \"problem_statement\": }");

        var result = SuiteLoader.Load(dir.Path);

        var problem = Assert.Single(result.Problems);
        Assert.EndsWith(Path.Combine("t1", "task.json"), problem.File);
        Assert.Contains("not valid JSON (line 2)", problem.Message);
        Assert.Null(result.Suite);
    }

    [Fact]
    public void Load_EveryFieldWrong_ReportsEachFieldOnce()
    {
        WriteSuite("""
            {
              "instance_id": "other",
              "problem_statement": "",
              "language": 3,
              "test_command": "x",
              "test_format": "nunit",
              "FAIL_TO_PASS": [],
              "PASS_TO_PASS": "not json",
              "visible_tests": ["../escape.py"],
              "timeouts": { "agent_seconds": 0 }
            }
            """, withRepo: false);

        var fields = SuiteLoader.Load(dir.Path).Problems.Select(p => p.Field).ToList();

        Assert.Equal(
            new[] { "instance_id", "problem_statement", "language", "image", "test_format", "PASS_TO_PASS", "FAIL_TO_PASS", "timeouts.agent_seconds", null, "visible_tests" },
            fields);
    }

    [Fact]
    public void Load_ShippedSuiteWithoutGoldPatch_IsRejected()
    {
        WriteSuite(ValidTask);

        var result = SuiteLoader.Load(dir.Path, requireGoldPatch: true);

        var problem = Assert.Single(result.Problems);
        Assert.EndsWith("gold.patch", problem.File);
    }

    [Fact]
    public void Load_SweBenchStringEncodedLists_AreAccepted()
    {
        WriteSuite(ValidTask.Replace("[\"tests/test_a.py::test_x\"]", "\"[\\\"tests/test_a.py::test_x\\\"]\""));

        var result = SuiteLoader.Load(dir.Path);

        Assert.True(result.IsValid, result.Describe());
        Assert.Equal(["tests/test_a.py::test_x"], result.Suite!.Tasks[0].FailToPass);
    }

    [Fact]
    public void Load_ExitCodeFormatWithTwoTests_IsRejected()
    {
        WriteSuite(ValidTask.Replace("\"pytest\"", "\"exit-code\"").Replace("[\"tests/test_a.py::test_x\"]", "[\"a\", \"b\"]"));

        var problem = Assert.Single(SuiteLoader.Load(dir.Path).Problems);

        Assert.Equal("FAIL_TO_PASS", problem.Field);
        Assert.Contains("exactly one", problem.Message);
    }

    [Fact]
    public void ToString_Problem_NamesFileAndField()
    {
        Assert.Equal("/x/task.json: field 'image': is required", new TaskProblem("/x/task.json", "image", "is required").ToString());
    }
}
