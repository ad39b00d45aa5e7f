using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.SemanticKernel;
using Microsoft.SemanticKernel.ChatCompletion;
using Microsoft.SemanticKernel.Connectors.OpenAI;

namespace Evolver.Llm;

/// <summary>
/// Writes a Semantic Kernel chat history as an Anthropic Messages API request: system messages become <c>system</c>;
/// an assistant's <see cref="FunctionCallContent"/> items become <c>tool_use</c> blocks; tool messages' results become
/// <c>tool_result</c> blocks of one user turn (Anthropic wants them together, right after the call); the functions a
/// <see cref="FunctionChoiceBehavior"/> offers become <c>tools</c> and its choice <c>tool_choice</c>.
/// </summary>
internal static class AnthropicRequest
{
    public static JsonObject Build(ChatHistory history, PromptExecutionSettings? settings, Kernel? kernel, LlmOptions options)
    {
        var system = new List<string>();
        var messages = new JsonArray();
        JsonArray? results = null; // the open user turn of tool results, if the last message added is one
        foreach (var message in history)
        {
            if (message.Role == AuthorRole.System)
            {
                system.Add(message.Content ?? "");
                continue;
            }

            if (message.Role == AuthorRole.Tool)
            {
                if (results is null)
                {
                    results = [];
                    messages.Add(new JsonObject { ["role"] = "user", ["content"] = results });
                }

                foreach (var result in message.Items.OfType<FunctionResultContent>())
                {
                    results.Add(new JsonObject
                    {
                        ["type"] = "tool_result",
                        ["tool_use_id"] = result.CallId ?? throw new NotSupportedException("a tool result without the id of its call cannot be sent to Anthropic"),
                        ["content"] = ResultText(result.Result),
                    });
                }

                continue;
            }

            results = null;
            if (message.Role == AuthorRole.User)
            {
                messages.Add(new JsonObject { ["role"] = "user", ["content"] = message.Content ?? "" });
            }
            else if (message.Role == AuthorRole.Assistant)
            {
                messages.Add(new JsonObject { ["role"] = "assistant", ["content"] = AssistantContent(message) });
            }
            else
            {
                throw new NotSupportedException($"the Anthropic service cannot send a message of role '{message.Role.Label}'");
            }
        }

        var openAi = settings as OpenAIPromptExecutionSettings;
        var body = new JsonObject
        {
            ["model"] = options.Model,
            ["max_tokens"] = Math.Min(openAi?.MaxTokens ?? options.MaxTokens, options.MaxTokens),
        };
        if (system.Count > 0)
        {
            body["system"] = string.Join("\n\n", system);
        }

        body["messages"] = messages;
        if ((openAi?.Temperature ?? options.Temperature) is { } temperature)
        {
            body["temperature"] = temperature;
        }

        if (openAi?.StopSequences is { Count: > 0 } stops)
        {
            body["stop_sequences"] = new JsonArray([.. stops.Select(s => (JsonNode?)s)]);
        }

        AddTools(body, history, settings, kernel);
        return body;
    }

    private static JsonNode AssistantContent(ChatMessageContent message)
    {
        var calls = message.Items.OfType<FunctionCallContent>().ToList();
        if (calls.Count == 0)
        {
            return message.Content ?? "";
        }

        var blocks = new JsonArray();
        if (!string.IsNullOrEmpty(message.Content))
        {
            blocks.Add(new JsonObject { ["type"] = "text", ["text"] = message.Content });
        }

        foreach (var call in calls)
        {
            var input = new JsonObject();
            foreach (var (key, value) in call.Arguments ?? [])
            {
                input[key] = value is null ? null : JsonSerializer.SerializeToNode(value, value.GetType());
            }

            blocks.Add(new JsonObject
            {
                ["type"] = "tool_use",
                ["id"] = call.Id ?? throw new NotSupportedException("a function call without an id cannot be sent to Anthropic"),
                ["name"] = ToolName(call.PluginName, call.FunctionName),
                ["input"] = input,
            });
        }

        return blocks;
    }

    private static void AddTools(JsonObject body, ChatHistory history, PromptExecutionSettings? settings, Kernel? kernel)
    {
        if (settings?.FunctionChoiceBehavior is not { } behavior)
        {
            return;
        }

#pragma warning disable SKEXP0001 // The configuration is how connectors read a behavior; Anthropic has no SK connector here.
        var configuration = behavior.GetConfiguration(new FunctionChoiceBehaviorConfigurationContext(history) { Kernel = kernel, RequestSequenceIndex = 0 });
        if (configuration.Functions is not { Count: > 0 } functions)
        {
            return;
        }

        body["tools"] = new JsonArray([.. functions.Select(f => (JsonNode)Tool(f.Metadata))]);
        var choice = configuration.Choice;
#pragma warning restore SKEXP0001
        body["tool_choice"] = choice == FunctionChoice.None ? new JsonObject { ["type"] = "none" }
            : choice == FunctionChoice.Required && functions.Count == 1 ? new JsonObject { ["type"] = "tool", ["name"] = ToolName(functions[0].PluginName, functions[0].Name) }
            : choice == FunctionChoice.Required ? new JsonObject { ["type"] = "any" }
            : new JsonObject { ["type"] = "auto" };
    }

    private static JsonObject Tool(KernelFunctionMetadata function)
    {
        var properties = new JsonObject();
        var required = new JsonArray();
        foreach (var parameter in function.Parameters)
        {
            properties[parameter.Name] = parameter.Schema is { } schema ? JsonNode.Parse(schema.ToString()) : new JsonObject();
            if (parameter.IsRequired)
            {
                required.Add(parameter.Name);
            }
        }

        var inputSchema = new JsonObject { ["type"] = "object", ["properties"] = properties };
        if (required.Count > 0)
        {
            inputSchema["required"] = required;
        }

        var tool = new JsonObject { ["name"] = ToolName(function.PluginName, function.Name) };
        if (!string.IsNullOrEmpty(function.Description))
        {
            tool["description"] = function.Description;
        }

        tool["input_schema"] = inputSchema;
        return tool;
    }

    /// <summary>The name the model sees: SK's fully qualified form, as the OpenAI connector writes it.</summary>
    private static string ToolName(string? plugin, string name) => string.IsNullOrEmpty(plugin) ? name : $"{plugin}-{name}";

    private static string ResultText(object? result) => result switch
    {
        null => "",
        string text => text,
        _ => JsonSerializer.Serialize(result, result.GetType()),
    };
}
