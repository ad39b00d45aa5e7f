using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Evolver.Agents.Sdk;

/// <summary>
/// Talks to the harness's LLM gateway: OpenAI-compatible chat completions with tool calls, as plain JSON over HTTP.
/// The SDK's client connects through the gateway's Unix socket (the container has no network) and sends the token.
/// The gateway holds the provider's key; this agent holds only a short-lived token for it.
/// </summary>
internal sealed class GatewayChat(GatewayInfo gateway) : IDisposable
{
    /// <summary>Most tokens the model may write per reply.</summary>
    private const int MaxReplyTokens = 4096;

    /// <summary>Extra attempts after a server error or a dropped connection; a 429 means the budget is spent and ends the run.</summary>
    private const int Retries = 2;

    private readonly HttpClient http = gateway.CreateHttpClient(TimeSpan.FromMinutes(5));

    public async Task<ChatReply> CompleteAsync(JsonArray messages, JsonArray tools, CancellationToken cancellationToken)
    {
        var body = new JsonObject
        {
            ["model"] = gateway.Model,
            ["messages"] = messages.DeepClone(),
            ["tools"] = tools.DeepClone(),
            ["tool_choice"] = "auto",
            ["max_tokens"] = MaxReplyTokens,
        }.ToJsonString();

        string? problem = null;
        for (var attempt = 0; attempt <= Retries; attempt++)
        {
            if (attempt > 0)
            {
                await Task.Delay(TimeSpan.FromSeconds(2 * attempt), cancellationToken);
            }

            using var request = new HttpRequestMessage(HttpMethod.Post, "chat/completions")
            {
                Content = new StringContent(body, Encoding.UTF8, "application/json"),
            };
            try
            {
                using var response = await http.SendAsync(request, cancellationToken);
                var text = await response.Content.ReadAsStringAsync(cancellationToken);
                if (response.IsSuccessStatusCode)
                {
                    return ChatReply.Parse(text);
                }

                problem = $"HTTP {(int)response.StatusCode}: {Shorten(text)}";
                if ((int)response.StatusCode < 500)
                {
                    break;
                }
            }
            catch (HttpRequestException e)
            {
                problem = "connection failed: " + e.Message;
            }
            catch (JsonException e)
            {
                return ChatReply.Failed("the reply is not JSON: " + e.Message);
            }
        }

        return ChatReply.Failed(problem ?? "no answer");
    }

    public void Dispose() => http.Dispose();

    private static string Shorten(string text) => text.Length <= 500 ? text : text[..500] + "…";
}
