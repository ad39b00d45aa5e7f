using System.Text.Json;
using System.Text.Json.Serialization;

namespace Evolver.Agents.Sdk;

/// <summary>Everything an agent is told about its task. Read it with <see cref="Load"/>.</summary>
public sealed record AgentContext
{
    /// <summary>The task's id.</summary>
    public required string InstanceId { get; init; }

    /// <summary>The issue text: the only description of the task.</summary>
    public required string ProblemStatement { get; init; }

    /// <summary>The repository to change.</summary>
    public string RepoPath { get; init; } = AgentPaths.Repo;

    /// <summary>The repository's language, for example <c>python</c> or <c>csharp</c>.</summary>
    public required string Language { get; init; }

    /// <summary>Test files inside the repository the agent may run.</summary>
    public IReadOnlyList<string> VisibleTests { get; init; } = [];

    /// <summary>A command that runs the visible tests from the repository root, if the task offers one.</summary>
    public string? VisibleTestCommand { get; init; }

    /// <summary>The agent's budget.</summary>
    public required AgentBudget Budget { get; init; }

    /// <summary>The LLM gateway, or null when the evaluation offers none.</summary>
    public GatewayInfo? Gateway { get; init; }

    /// <summary>Serializer settings shared by the harness and agents (snake_case JSON).</summary>
    public static JsonSerializerOptions JsonOptions { get; } = new(JsonSerializerDefaults.Web)
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        WriteIndented = true,
    };

    /// <summary>Reads the context from <paramref name="path"/> (default <see cref="AgentPaths.Input"/>).</summary>
    /// <exception cref="InvalidDataException">The file is missing or malformed.</exception>
    public static AgentContext Load(string path = AgentPaths.Input)
    {
        try
        {
            return JsonSerializer.Deserialize<AgentContext>(File.ReadAllText(path), JsonOptions)
                ?? throw new InvalidDataException($"{path}: holds null, expected an agent context object");
        }
        catch (Exception e) when (e is JsonException or IOException or UnauthorizedAccessException)
        {
            throw new InvalidDataException($"{path}: cannot read the agent context: {e.Message}", e);
        }
    }

    /// <summary>The context as JSON.</summary>
    public string ToJson() => JsonSerializer.Serialize(this, JsonOptions);
}
