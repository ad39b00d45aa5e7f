/// <summary>A tool call the tool cannot carry out; its message goes back to the model.</summary>
internal sealed class ToolException(string message) : Exception(message);
