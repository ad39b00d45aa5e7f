namespace Evolver.Llm;

/// <summary>Why an exchange with the model gave no usable reply.</summary>
public enum LlmFailureKind
{
    /// <summary>The provider answered with an HTTP error, after the retries the options allow.</summary>
    HttpError,

    /// <summary>The connection failed (refused, reset, DNS), after the retries the options allow.</summary>
    Transport,

    /// <summary>The exchange ran past <see cref="LlmOptions.TotalTimeout"/>.</summary>
    Timeout,

    /// <summary>The reply was larger than <see cref="LlmOptions.MaxReplyBytes"/>; it was not read to its end.</summary>
    TooLarge,

    /// <summary>The model refused (an OpenAI <c>refusal</c>, a content filter, or Anthropic's <c>refusal</c> stop reason).</summary>
    Refused,

    /// <summary>The provider's reply could not be read as a chat completion, or held no text.</summary>
    Malformed,
}
