namespace Evolver.Web;

/// <summary>One message sent to the model: its role and text.</summary>
internal sealed record TranscriptMessage(string Role, string Content);
