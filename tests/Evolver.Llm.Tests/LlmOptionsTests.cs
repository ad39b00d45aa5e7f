using System.Runtime.CompilerServices;
using System.Text.Json;
using Xunit;

namespace Evolver.Llm.Tests;

public sealed class LlmOptionsTests
{
    [Fact]
    public void Validate_Defaults_OnlyNeedAModel()
    {
        Assert.Equal(["Model is required"], new LlmOptions().Validate());
        Assert.Empty(new LlmOptions { Model = "gpt-test" }.Validate());
    }

    [Fact]
    public void Validate_PastedKeyInsteadOfVariableName_IsRejectedWithoutEchoingIt()
    {
        var problems = new LlmOptions { Model = "m", ApiKeyVariable = "sk-proj-abc123" }.Validate();

        var problem = Assert.Single(problems);
        Assert.Contains("NAME of an environment variable", problem);
        Assert.DoesNotContain("abc123", problem);
    }

    [Fact]
    public void Validate_BadValues_AreEachNamed()
    {
        var problems = new LlmOptions
        {
            Provider = LlmProviderKind.AzureOpenAI, Model = "m", MaxTokens = 0, Temperature = 3, MaxRetries = -1,
            RequestTimeout = TimeSpan.Zero, MaxReplyBytes = 10, RetryBaseDelay = TimeSpan.FromMinutes(5),
            Prices = new Dictionary<string, LlmPrice> { ["m"] = new(-1m, 1m) },
        }.Validate();

        foreach (var name in new[] { "BaseUrl", "MaxTokens", "Temperature", "MaxRetries", "RequestTimeout", "MaxReplyBytes", "RetryBaseDelay", "Prices['m']" })
        {
            Assert.Contains(problems, p => p.StartsWith(name, StringComparison.Ordinal));
        }
    }

    [Theory]
    [InlineData("ftp://host/v1")]
    [InlineData("not a url")]
    public void Validate_NonHttpBaseUrl_IsRejected(string url) =>
        Assert.Contains(new LlmOptions { Model = "m", BaseUrl = url }.Validate(), p => p.StartsWith("BaseUrl", StringComparison.Ordinal));

    [Theory]
    [InlineData(LlmProviderKind.OpenAI, null, "https://api.openai.com/v1")]
    [InlineData(LlmProviderKind.Anthropic, null, "https://api.anthropic.com/v1")]
    [InlineData(LlmProviderKind.OpenAI, "http://localhost:11434/v1/", "http://localhost:11434/v1")]
    public void EffectiveBaseUrl_DefaultsPerProviderAndDropsTrailingSlash(LlmProviderKind provider, string? baseUrl, string expected) =>
        Assert.Equal(expected, new LlmOptions { Provider = provider, BaseUrl = baseUrl, Model = "m" }.EffectiveBaseUrl);

    [Fact]
    public void Create_InvalidOptions_ThrowsListingEveryProblem()
    {
        var e = Assert.Throws<ArgumentException>(() => LlmClient.Create(new LlmOptions { MaxTokens = 0 }, TimeProvider.System));

        Assert.Contains("Model is required", e.Message);
        Assert.Contains("MaxTokens", e.Message);
    }

    [Fact]
    public void Create_KeyVariableUnset_ThrowsNamingTheVariable()
    {
        var e = Assert.Throws<ArgumentException>(() =>
            LlmClient.Create(new LlmOptions { Model = "m", ApiKeyVariable = "EVOLVER_NO_SUCH_KEY" }, TimeProvider.System, _ => null));

        Assert.Contains("EVOLVER_NO_SUCH_KEY", e.Message);
    }

    [Fact]
    public void LlmPrice_Cost_IsPerMillionTokens() =>
        Assert.Equal(1.5m + 7.5m, new LlmPrice(1.5m, 15m).Cost(1_000_000, 500_000));

    [Fact]
    public void JsonOptions_ReadmeExamples_EachBindAndValidate()
    {
        var readme = File.ReadAllText(Path.Combine(RepoRoot(), "src", "Evolver.Llm", "README.md"));
        var block = readme[(readme.IndexOf("```jsonc", StringComparison.Ordinal) + 8)..];
        block = block[..block.IndexOf("```", StringComparison.Ordinal)];
        var examples = block.Split("\n\n", StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

        Assert.Equal(7, examples.Length);
        var parsed = examples.Select(e => JsonSerializer.Deserialize<LlmOptions>(e, LlmOptions.JsonOptions)!).ToList();
        Assert.All(parsed, o => Assert.Empty(o.Validate()));
        Assert.Equal(
            [LlmProviderKind.OpenAI, LlmProviderKind.AzureOpenAI, LlmProviderKind.OpenAI, LlmProviderKind.OpenAI, LlmProviderKind.OpenAI, LlmProviderKind.OpenAI, LlmProviderKind.Anthropic],
            parsed.Select(o => o.Provider));
        Assert.Equal(new LlmPrice(2.0m, 8.0m), parsed[0].Prices["gpt-4.1"]);
        Assert.Equal("OPENAI_API_KEY", parsed[0].ApiKeyVariable);
        Assert.Equal("http://localhost:11434/v1", parsed[3].EffectiveBaseUrl);
        Assert.Equal(8192, parsed[6].MaxTokens);
    }

    [Fact]
    public void JsonOptions_TimeSpansAndCaps_Bind()
    {
        var options = JsonSerializer.Deserialize<LlmOptions>(
            """{ "model": "m", "request_timeout": "00:00:30", "max_retries": 2, "max_reply_bytes": 65536 }""", LlmOptions.JsonOptions)!;

        Assert.Equal((TimeSpan.FromSeconds(30), 2, 65536L), (options.RequestTimeout, options.MaxRetries, options.MaxReplyBytes));
    }

    private static string RepoRoot([CallerFilePath] string path = "") => Path.GetFullPath(Path.Combine(Path.GetDirectoryName(path)!, "..", ".."));
}
