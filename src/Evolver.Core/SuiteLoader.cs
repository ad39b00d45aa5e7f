using System.Text.Json;

namespace Evolver.Core;

/// <summary>
/// Loads a suite in the native task format (see DESIGN.md, "Task format") and reports every problem
/// with its file and field rather than stopping at the first.
/// </summary>
public static class SuiteLoader
{
    /// <summary>Loads the suite in <paramref name="suiteDirectory"/>.</summary>
    /// <param name="suiteDirectory">Folder holding <c>suite.json</c> and <c>tasks/</c>.</param>
    /// <param name="requireGoldPatch">True for shipped suites, whose tasks must each have a gold.patch.</param>
    public static SuiteLoadResult Load(string suiteDirectory, bool requireGoldPatch = false)
    {
        var problems = new List<TaskProblem>();
        var dir = Path.GetFullPath(suiteDirectory);
        if (!System.IO.Directory.Exists(dir))
        {
            problems.Add(new TaskProblem(dir, null, "suite folder does not exist; pass the folder that holds suite.json and tasks/"));
            return new SuiteLoadResult(null, problems);
        }

        var suiteFile = Path.Combine(dir, "suite.json");
        string name = Path.GetFileName(dir), version = "0";
        string? description = null, license = null, source = null;
        if (!File.Exists(suiteFile))
        {
            problems.Add(new TaskProblem(suiteFile, null, "missing; a suite needs suite.json with name and version"));
        }
        else if (ReadObject(suiteFile, problems) is { } suite)
        {
            name = RequiredString(suite, "name", suiteFile, problems) ?? name;
            version = RequiredString(suite, "version", suiteFile, problems) ?? version;
            description = OptionalString(suite, "description", suiteFile, problems);
            license = OptionalString(suite, "license", suiteFile, problems);
            source = OptionalString(suite, "source", suiteFile, problems);
        }

        var tasksDir = Path.Combine(dir, "tasks");
        var tasks = new List<TaskSpec>();
        if (!System.IO.Directory.Exists(tasksDir))
        {
            problems.Add(new TaskProblem(tasksDir, null, "missing; put each task in tasks/<instance_id>/"));
        }
        else
        {
            foreach (var taskDir in System.IO.Directory.GetDirectories(tasksDir).Order(StringComparer.Ordinal))
            {
                if (LoadTask(taskDir, requireGoldPatch, problems) is { } task)
                {
                    tasks.Add(task);
                }
            }

            if (tasks.Count == 0 && problems.Count == 0)
            {
                problems.Add(new TaskProblem(tasksDir, null, "holds no task"));
            }
        }

        var spec = new SuiteSpec
        {
            Name = name,
            Version = version,
            Description = description,
            License = license,
            Source = source,
            Directory = dir,
            Tasks = tasks,
        };
        return new SuiteLoadResult(problems.Count == 0 ? spec : null, problems);
    }

    /// <summary>Loads one task folder, adding what is wrong to <paramref name="problems"/>.</summary>
    internal static TaskSpec? LoadTask(string taskDir, bool requireGoldPatch, List<TaskProblem> problems)
    {
        var before = problems.Count;
        var file = Path.Combine(taskDir, "task.json");
        if (!File.Exists(file))
        {
            problems.Add(new TaskProblem(file, null, "missing; every task folder needs a task.json"));
            return null;
        }

        if (ReadObject(file, problems) is not { } json)
        {
            return null;
        }

        var id = RequiredString(json, "instance_id", file, problems);
        if (id is not null && id != Path.GetFileName(taskDir))
        {
            problems.Add(new TaskProblem(file, "instance_id", $"'{id}' differs from its folder name '{Path.GetFileName(taskDir)}'; rename one of them"));
        }

        if (id is not null && (id.Length > 128 || id.Any(c => !(char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.'))))
        {
            problems.Add(new TaskProblem(file, "instance_id", "may hold only ASCII letters, digits, '-', '_' and '.', at most 128 characters"));
        }

        var statement = RequiredString(json, "problem_statement", file, problems);
        var language = RequiredString(json, "language", file, problems);
        var image = RequiredString(json, "image", file, problems);
        var command = RequiredString(json, "test_command", file, problems);
        var formatText = RequiredString(json, "test_format", file, problems);
        TestFormat format = TestFormat.ExitCode;
        if (formatText is not null && !TestFormats.TryParse(formatText, out format))
        {
            problems.Add(new TaskProblem(file, "test_format", $"'{formatText}' is not one of pytest, junit-xml, trx, exit-code"));
        }

        var f2p = StringList(json, "FAIL_TO_PASS", file, problems, required: true);
        var p2p = StringList(json, "PASS_TO_PASS", file, problems, required: true);
        var visible = StringList(json, "visible_tests", file, problems, required: false);
        if (f2p is { Count: 0 })
        {
            problems.Add(new TaskProblem(file, "FAIL_TO_PASS", "is empty; a task needs at least one test that the fix makes pass"));
        }

        if (format == TestFormat.ExitCode && f2p is { Count: > 1 })
        {
            problems.Add(new TaskProblem(file, "FAIL_TO_PASS", "test_format exit-code reads a single test; list exactly one id"));
        }

        var timeouts = Timeouts(json, file, problems);
        var source = OptionalString(json, "source", file, problems);

        if (!System.IO.Directory.Exists(Path.Combine(taskDir, "repo")))
        {
            problems.Add(new TaskProblem(Path.Combine(taskDir, "repo"), null, "missing; the repository the agent gets goes in repo/"));
        }

        foreach (var path in visible ?? [])
        {
            if (!IsSafeRelative(path))
            {
                problems.Add(new TaskProblem(file, "visible_tests", $"'{path}' must be a relative path inside repo/"));
            }
        }

        var gold = Path.Combine(taskDir, "gold.patch");
        if (requireGoldPatch && !File.Exists(gold))
        {
            problems.Add(new TaskProblem(gold, null, "missing; shipped suites need a reference fix as a unified diff against repo/"));
        }
        else if (File.Exists(gold) && new FileInfo(gold).Length == 0)
        {
            problems.Add(new TaskProblem(gold, null, "is empty; a gold patch must change something"));
        }

        if (problems.Count > before)
        {
            return null;
        }

        return new TaskSpec
        {
            InstanceId = id!,
            ProblemStatement = statement!,
            Language = language!,
            Image = image!,
            TestCommand = command!,
            TestFormat = format,
            FailToPass = f2p!,
            PassToPass = p2p!,
            VisibleTests = visible ?? [],
            Timeouts = timeouts,
            Source = source,
            Directory = Path.GetFullPath(taskDir),
        };
    }

    private static bool IsSafeRelative(string path) =>
        path.Length > 0 && !Path.IsPathRooted(path) && !path.Replace('\\', '/').Split('/').Contains("..");

    private static JsonElement? ReadObject(string file, List<TaskProblem> problems)
    {
        try
        {
            using var doc = JsonDocument.Parse(File.ReadAllBytes(file), new JsonDocumentOptions { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip });
            if (doc.RootElement.ValueKind != JsonValueKind.Object)
            {
                problems.Add(new TaskProblem(file, null, "must hold a JSON object"));
                return null;
            }

            return doc.RootElement.Clone();
        }
        catch (JsonException e)
        {
            problems.Add(new TaskProblem(file, null, $"is not valid JSON (line {e.LineNumber + 1}): {e.Message}"));
            return null;
        }
    }

    private static string? RequiredString(JsonElement obj, string field, string file, List<TaskProblem> problems)
    {
        if (!obj.TryGetProperty(field, out var value))
        {
            problems.Add(new TaskProblem(file, field, "is required"));
            return null;
        }

        if (value.ValueKind != JsonValueKind.String || string.IsNullOrWhiteSpace(value.GetString()))
        {
            problems.Add(new TaskProblem(file, field, "must be a non-empty string"));
            return null;
        }

        return value.GetString();
    }

    private static string? OptionalString(JsonElement obj, string field, string file, List<TaskProblem> problems)
    {
        if (!obj.TryGetProperty(field, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        if (value.ValueKind != JsonValueKind.String)
        {
            problems.Add(new TaskProblem(file, field, "must be a string"));
            return null;
        }

        return value.GetString();
    }

    private static List<string>? StringList(JsonElement obj, string field, string file, List<TaskProblem> problems, bool required)
    {
        if (!obj.TryGetProperty(field, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            if (required)
            {
                problems.Add(new TaskProblem(file, field, "is required (a JSON array of test ids)"));
            }

            return required ? null : [];
        }

        // SWE-bench JSONL stores these lists as JSON-encoded strings; accept both.
        if (value.ValueKind == JsonValueKind.String)
        {
            try
            {
                using var inner = JsonDocument.Parse(value.GetString()!);
                value = inner.RootElement.Clone();
            }
            catch (JsonException)
            {
                problems.Add(new TaskProblem(file, field, "must be an array of strings"));
                return null;
            }
        }

        if (value.ValueKind != JsonValueKind.Array || value.EnumerateArray().Any(e => e.ValueKind != JsonValueKind.String || string.IsNullOrWhiteSpace(e.GetString())))
        {
            problems.Add(new TaskProblem(file, field, "must be an array of non-empty strings"));
            return null;
        }

        var list = value.EnumerateArray().Select(e => e.GetString()!).ToList();
        if (list.Distinct(StringComparer.Ordinal).Count() != list.Count)
        {
            problems.Add(new TaskProblem(file, field, "lists a test id twice"));
            return null;
        }

        return list;
    }

    private static TaskTimeouts Timeouts(JsonElement obj, string file, List<TaskProblem> problems)
    {
        if (!obj.TryGetProperty("timeouts", out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return new TaskTimeouts();
        }

        if (value.ValueKind != JsonValueKind.Object)
        {
            problems.Add(new TaskProblem(file, "timeouts", "must be an object { \"agent_seconds\", \"test_seconds\" }"));
            return new TaskTimeouts();
        }

        return new TaskTimeouts(
            Seconds(value, "agent_seconds", TaskTimeouts.DefaultAgentSeconds, file, problems),
            Seconds(value, "test_seconds", TaskTimeouts.DefaultTestSeconds, file, problems));
    }

    private static int Seconds(JsonElement obj, string field, int fallback, string file, List<TaskProblem> problems)
    {
        if (!obj.TryGetProperty(field, out var value))
        {
            return fallback;
        }

        if (value.ValueKind != JsonValueKind.Number || !value.TryGetInt32(out var seconds) || seconds is < 1 or > 86_400)
        {
            problems.Add(new TaskProblem(file, "timeouts." + field, "must be a whole number of seconds from 1 to 86400"));
            return fallback;
        }

        return seconds;
    }
}
