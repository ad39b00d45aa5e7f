using Microsoft.SemanticKernel;
using Microsoft.SemanticKernel.ChatCompletion;
using Microsoft.SemanticKernel.Connectors.OpenAI;

namespace Evolver.Gateway;

/// <summary>An agent's chat-completions request as Semantic Kernel takes it: the history, the settings, the tool functions.</summary>
internal sealed record ChatRequest(ChatHistory History, OpenAIPromptExecutionSettings Settings, bool HasTools, bool Stream);
