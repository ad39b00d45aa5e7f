namespace Evolver.Llm;

/// <summary>
/// Thrown from inside the HTTP stack when a reply passes <see cref="LlmOptions.MaxReplyBytes"/>; <see cref="LlmClient"/>
/// turns it into a <see cref="LlmFailureKind.TooLarge"/> exchange. Not an <see cref="IOException"/>, so that HTTP
/// layers which wrap I/O errors pass it through as it is.
/// </summary>
internal sealed class ReplyTooLargeException(long limit) : Exception($"the reply is larger than the {limit}-byte cap; it was not read further")
{
    public long Limit { get; } = limit;
}
