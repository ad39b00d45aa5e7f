using System.Text.Json;
using System.Text.Json.Nodes;
using Evolver.Llm;
using Microsoft.SemanticKernel;
using Microsoft.SemanticKernel.ChatCompletion;
using Microsoft.SemanticKernel.Connectors.OpenAI;

namespace Evolver.Gateway;

/// <summary>
/// Reads an OpenAI chat-completions request body into Semantic Kernel's terms: messages (text, tool calls, tool
/// results), tool definitions as kernel functions that are offered but never invoked here (the agent runs its tools),
/// and the sampling settings, capped by the harness's <see cref="LlmOptions"/>. Bad input is a message for the agent.
/// </summary>
internal static class ChatRequestReader
{
    /// <summary>The request, or the reason it cannot be sent (for a 400).</summary>
    public static (ChatRequest? Request, string? Error) Read(JsonObject body, LlmOptions options)
    {
        try
        {
            return (Parse(body, options), null);
        }
        catch (Exception e) when (e is FormatException or InvalidOperationException or JsonException or ArgumentException or KeyNotFoundException)
        {
            return (null, e.Message);
        }
    }

    private static ChatRequest Parse(JsonObject body, LlmOptions options)
    {
        if (body["messages"] is not JsonArray { Count: > 0 } messages)
        {
            throw new FormatException("'messages' must be a non-empty array");
        }

        var history = new ChatHistory();
        var callNames = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i < messages.Count; i++)
        {
            if (messages[i] is not JsonObject message)
            {
                throw new FormatException($"messages[{i}] must be an object");
            }

            history.Add(Message(message, i, callNames));
        }

        var functions = Functions(body["tools"]);
        var settings = new OpenAIPromptExecutionSettings
        {
            ModelId = options.Model,
            MaxTokens = Math.Min(Int(body["max_completion_tokens"]) ?? Int(body["max_tokens"]) ?? options.MaxTokens, options.MaxTokens),
            Temperature = Double(body["temperature"]) ?? options.Temperature,
            TopP = Double(body["top_p"]),
            Seed = Int(body["seed"]),
            StopSequences = body["stop"] switch
            {
                JsonValue v => [v.GetValue<string>()],
                JsonArray a => [.. a.Select(s => s!.GetValue<string>())],
                _ => null,
            },
        };
        if (functions.Count > 0)
        {
            settings.FunctionChoiceBehavior = Choice(body["tool_choice"], functions);
        }

        var stream = body["stream"] is JsonValue s && s.TryGetValue<bool>(out var on) && on;
        return new ChatRequest(history, settings, functions.Count > 0, stream);
    }

    private static ChatMessageContent Message(JsonObject message, int i, Dictionary<string, string> callNames)
    {
        var role = Text(message["role"]) ?? throw new FormatException($"messages[{i}].role is required");
        var content = Content(message["content"], i);
        switch (role)
        {
            case "system" or "developer":
                return new ChatMessageContent(AuthorRole.System, content);
            case "user":
                return new ChatMessageContent(AuthorRole.User, content);
            case "assistant":
                var assistant = new ChatMessageContent(AuthorRole.Assistant, content);
                if (message["tool_calls"] is JsonArray calls)
                {
                    foreach (var call in calls.OfType<JsonObject>())
                    {
                        var id = Text(call["id"]) ?? throw new FormatException($"messages[{i}].tool_calls[].id is required");
                        var name = Text(call["function"]?["name"]) ?? throw new FormatException($"messages[{i}].tool_calls[].function.name is required");
                        callNames[id] = name;
                        assistant.Items.Add(new FunctionCallContent(name, pluginName: null, id, Arguments(Text(call["function"]?["arguments"]), i)));
                    }
                }

                return assistant;
            case "tool":
                var callId = Text(message["tool_call_id"]) ?? throw new FormatException($"messages[{i}].tool_call_id is required");
                var tool = new ChatMessageContent(AuthorRole.Tool, items: []);
                tool.Items.Add(new FunctionResultContent(callNames.GetValueOrDefault(callId), pluginName: null, callId, content ?? ""));
                return tool;
            default:
                throw new FormatException($"messages[{i}].role '{role}' is not one of system, developer, user, assistant, tool");
        }
    }

    /// <summary>A message's text: a string, or the text parts of a content array.</summary>
    private static string? Content(JsonNode? content, int i) => content switch
    {
        null => null,
        JsonValue v => v.GetValue<string>(),
        JsonArray parts => string.Concat(parts.Select(p => p?["type"]?.GetValue<string>() == "text"
            ? p["text"]?.GetValue<string>()
            : throw new FormatException($"messages[{i}].content: only text parts are supported, not '{p?["type"]}'"))),
        _ => throw new FormatException($"messages[{i}].content must be a string or an array of text parts"),
    };

    private static KernelArguments Arguments(string? json, int i)
    {
        var arguments = new KernelArguments();
        if (string.IsNullOrWhiteSpace(json))
        {
            return arguments;
        }

        if (JsonNode.Parse(json) is not JsonObject parsed)
        {
            throw new FormatException($"messages[{i}].tool_calls[].function.arguments must be a JSON object");
        }

        foreach (var (key, value) in parsed)
        {
            // JsonElements serialize back to the same JSON when the connector writes the call out again.
            arguments[key] = value is null ? null : JsonSerializer.SerializeToElement(value);
        }

        return arguments;
    }

    private static List<KernelFunction> Functions(JsonNode? tools)
    {
        var functions = new List<KernelFunction>();
        if (tools is not JsonArray list)
        {
            return functions;
        }

        foreach (var tool in list.OfType<JsonObject>())
        {
            if (Text(tool["type"]) != "function" || tool["function"] is not JsonObject function)
            {
                throw new FormatException("tools[]: only tools of type 'function' are supported");
            }

            var name = Text(function["name"]) ?? throw new FormatException("tools[].function.name is required");
            var parameters = function["parameters"] as JsonObject;
            var required = (parameters?["required"] as JsonArray)?.Select(r => r!.GetValue<string>()).ToHashSet(StringComparer.Ordinal) ?? [];
            var metadata = (parameters?["properties"] as JsonObject ?? []).Select(p => new KernelParameterMetadata(p.Key)
            {
                Description = Text(p.Value?["description"]),
                IsRequired = required.Contains(p.Key),
                Schema = KernelJsonSchema.Parse(p.Value?.ToJsonString() ?? "{}"),
            }).ToList();
            functions.Add(KernelFunctionFactory.CreateFromMethod(
                static () => "the gateway offers tools to the model; the agent runs them",
                new KernelFunctionFromMethodOptions { FunctionName = name, Description = Text(function["description"]) ?? "", Parameters = metadata }));
        }

        return functions;
    }

    /// <summary>OpenAI's <c>tool_choice</c> as SK's choice behaviour; never invoked by SK, since the agent runs the tools.</summary>
    private static FunctionChoiceBehavior Choice(JsonNode? choice, List<KernelFunction> functions) => choice switch
    {
        null => FunctionChoiceBehavior.Auto(functions, autoInvoke: false),
        JsonValue v => v.GetValue<string>() switch
        {
            "auto" => FunctionChoiceBehavior.Auto(functions, autoInvoke: false),
            "none" => FunctionChoiceBehavior.None(functions),
            "required" => FunctionChoiceBehavior.Required(functions, autoInvoke: false),
            var other => throw new FormatException($"tool_choice '{other}' is not auto, none or required"),
        },
        JsonObject o when Text(o["function"]?["name"]) is { } name =>
            FunctionChoiceBehavior.Required([functions.FirstOrDefault(f => f.Name == name) ?? throw new FormatException($"tool_choice names '{name}', which is not among the tools")], autoInvoke: false),
        _ => throw new FormatException("tool_choice must be 'auto', 'none', 'required' or {\"type\":\"function\",\"function\":{\"name\":...}}"),
    };

    private static string? Text(JsonNode? node) => node is JsonValue v && v.TryGetValue<string>(out var s) ? s : null;

    private static int? Int(JsonNode? node) => node is JsonValue v && v.TryGetValue<int>(out var n) ? n : null;

    private static double? Double(JsonNode? node) => node is JsonValue v && v.TryGetValue<double>(out var d) ? d : null;
}
