using System.Text.Encodings.Web;
using System.Text.Json;
using Evolver.Core;

namespace Evolver.Suites;

/// <summary>Writes task.json and suite.json in the native task format (DESIGN.md, "Task format").</summary>
internal static class SuiteJson
{
    // Keeps markdown readable in the file: quotes, '<' and non-ASCII letters stay as they are.
    private static readonly JsonWriterOptions Options = new() { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static void WriteTask(string path, string instanceId, ConvertedTask task, GoldValidation validation, IReadOnlyList<string> visibleTests) =>
        Write(path, json =>
        {
            json.WriteString("instance_id", instanceId);
            json.WriteString("problem_statement", task.ProblemStatement);
            json.WriteString("language", task.Language);
            json.WriteString("image", task.Image);
            json.WriteString("test_command", task.TestCommand);
            json.WriteString("test_format", TestFormats.Name(task.TestFormat));
            WriteList(json, "FAIL_TO_PASS", validation.FailToPass);
            WriteList(json, "PASS_TO_PASS", validation.PassToPass);
            WriteList(json, "visible_tests", visibleTests);
            json.WriteStartObject("timeouts");
            json.WriteNumber("agent_seconds", task.Timeouts.AgentSeconds);
            json.WriteNumber("test_seconds", task.Timeouts.TestSeconds);
            json.WriteEndObject();
            json.WriteString("source", task.Source);
        });

    public static void WriteSuite(string path, IUpstreamFormat format, string version) =>
        Write(path, json =>
        {
            json.WriteString("name", format.SuiteName);
            json.WriteString("version", version);
            json.WriteString("description", format.Description);
            json.WriteString("license", format.License);
            json.WriteString("source", format.Source);
        });

    private static void WriteList(Utf8JsonWriter json, string name, IReadOnlyList<string> items)
    {
        json.WriteStartArray(name);
        foreach (var item in items)
        {
            json.WriteStringValue(item);
        }

        json.WriteEndArray();
    }

    private static void Write(string path, Action<Utf8JsonWriter> body)
    {
        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream, Options))
        {
            json.WriteStartObject();
            body(json);
            json.WriteEndObject();
        }

        stream.WriteByte((byte)'\n');
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllBytes(path, stream.ToArray());
    }
}
