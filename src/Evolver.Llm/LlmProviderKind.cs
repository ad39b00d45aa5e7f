namespace Evolver.Llm;

/// <summary>The wire protocol of the model provider.</summary>
public enum LlmProviderKind
{
    /// <summary>
    /// The OpenAI chat-completions API, spoken by OpenAI itself and by vLLM, Ollama, llama.cpp's server, OpenRouter and
    /// other compatible servers: set <see cref="LlmOptions.BaseUrl"/> to theirs (for example <c>http://localhost:11434/v1</c>).
    /// </summary>
    OpenAI,

    /// <summary>
    /// Azure OpenAI through its v1 API, which is OpenAI-compatible: <see cref="LlmOptions.BaseUrl"/> is
    /// <c>https://RESOURCE.openai.azure.com/openai/v1</c> and <see cref="LlmOptions.Model"/> the deployment name.
    /// </summary>
    AzureOpenAI,

    /// <summary>Anthropic's Messages API (<c>POST {BaseUrl}/messages</c>), default base URL <c>https://api.anthropic.com/v1</c>.</summary>
    Anthropic,
}
