using System.Text.Json;
using System.Text.Json.Nodes;

/// <summary>The agent's tools: their definitions for the model and the dispatch of the model's calls.</summary>
internal sealed class ToolBox(string repoPath)
{
    private readonly BashTool bash = new(repoPath);
    private readonly EditorTool editor = new(repoPath);

    /// <summary>The tool definitions in the chat-completions <c>tools</c> format.</summary>
    public JsonArray Definitions { get; } =
    [
        Function("bash", "Run a shell command in the repository root and get its exit code and output.", new JsonObject
        {
            ["command"] = new JsonObject { ["type"] = "string", ["description"] = "The command line, run with /bin/sh -c." },
        }, ["command"]),
        Function("editor", "View a file (with line numbers) or a folder, create a file, or replace one exact, unique text in a file.", new JsonObject
        {
            ["command"] = new JsonObject { ["type"] = "string", ["enum"] = new JsonArray("view", "create", "str_replace") },
            ["path"] = new JsonObject { ["type"] = "string", ["description"] = "Path relative to the repository root." },
            ["file_text"] = new JsonObject { ["type"] = "string", ["description"] = "create: the whole content of the new file." },
            ["old_str"] = new JsonObject { ["type"] = "string", ["description"] = "str_replace: the exact text to replace; it must occur once." },
            ["new_str"] = new JsonObject { ["type"] = "string", ["description"] = "str_replace: the text to put in its place." },
            ["view_range"] = new JsonObject
            {
                ["type"] = "array", ["items"] = new JsonObject { ["type"] = "integer" },
                ["description"] = "view: optional [first, last] line numbers, 1-based; last may be -1 for the end.",
            },
        }, ["command", "path"]),
    ];

    /// <summary>Runs one call and returns what the model is told; a bad call is explained, never thrown.</summary>
    public async Task<string> RunAsync(ToolCall call, CancellationToken cancellationToken)
    {
        JsonObject arguments;
        try
        {
            arguments = JsonNode.Parse(call.Arguments) as JsonObject ?? throw new JsonException("not a JSON object");
        }
        catch (JsonException e)
        {
            return $"error: the arguments of {call.Name} are not a JSON object: {e.Message}";
        }

        try
        {
            return call.Name switch
            {
                "bash" => await bash.RunAsync(Text(arguments, "command"), cancellationToken),
                "editor" => await editor.RunAsync(arguments, cancellationToken),
                _ => $"error: there is no tool named '{call.Name}'; use bash or editor",
            };
        }
        catch (ToolException e)
        {
            return "error: " + e.Message;
        }
        catch (IOException e)
        {
            return "error: " + e.Message;
        }
        catch (UnauthorizedAccessException e)
        {
            return "error: " + e.Message;
        }
    }

    /// <summary>A required string argument.</summary>
    public static string Text(JsonObject arguments, string name) =>
        arguments[name] is JsonValue value && value.TryGetValue<string>(out var text) ? text : throw new ToolException($"argument '{name}' (a string) is required");

    private static JsonObject Function(string name, string description, JsonObject properties, string[] required) => new()
    {
        ["type"] = "function",
        ["function"] = new JsonObject
        {
            ["name"] = name,
            ["description"] = description,
            ["parameters"] = new JsonObject
            {
                ["type"] = "object",
                ["properties"] = properties,
                ["required"] = new JsonArray([.. required.Select(r => (JsonNode)r)]),
            },
        },
    };
}
