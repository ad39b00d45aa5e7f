/// <summary>A tool call the model asked for: its id (echoed in the result), the tool's name and its JSON arguments.</summary>
internal sealed record ToolCall(string Id, string Name, string Arguments);
