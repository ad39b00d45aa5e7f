using Xunit;

namespace Evolver.Web.Tests;

/// <summary>Recorded exchanges in the shapes the harness and the providers' wire protocols use.</summary>
public sealed class TranscriptReaderTests
{
    [Theory]
    [InlineData("llm-exchanges.json", true)]
    [InlineData("llm/quixbugs-gcd.jsonl", true)]
    [InlineData("gateway.jsonl", true)]
    [InlineData("mutation.json", false)]
    [InlineData("tasks/llm-task.txt", false)]
    public void IsTranscript_ByName(string path, bool expected) => Assert.Equal(expected, TranscriptReader.IsTranscript(path));

    [Fact]
    public void Read_AnthropicShapedLine_SystemMessagesReplyAndUsage()
    {
        var line = """{"request":{"model":"m","system":"be brief","messages":[{"role":"user","content":[{"type":"text","text":"hi"}]}]},"response":{"content":[{"type":"text","text":"hello"}],"usage":{"input_tokens":5,"output_tokens":2}}}""";

        var entry = Assert.Single(TranscriptReader.Read("llm/t.jsonl", line + "\n\n").Entries);

        Assert.Equal("m", entry.Model);
        Assert.Equal([("system", "be brief"), ("user", "hi")], entry.Messages.Select(m => (m.Role, m.Content)));
        Assert.Equal("hello", entry.Reply);
        Assert.Equal((5L, 2L), (entry.InputTokens!.Value, entry.OutputTokens!.Value));
        Assert.Equal("#1", entry.Title);
    }

    [Fact]
    public void Read_PascalCaseFields_MatchedLoosely()
    {
        var text = """[{"Step":"diagnose","Exchange":{"Model":"m","Request":[{"Role":"user","Content":"why"}],"Reply":"because","InputTokens":7,"CostUsd":0.5}}]""";

        var entry = Assert.Single(TranscriptReader.Read("llm-exchanges.json", text).Entries);

        Assert.Equal(("diagnose", "because", 7L, 0.5), (entry.Title, entry.Reply, entry.InputTokens!.Value, entry.CostUsd!.Value));
        Assert.Equal("why", Assert.Single(entry.Messages).Content);
    }

    [Fact]
    public void Read_ToolCallsAndHttpError_WrittenOut()
    {
        var line = """{"index":2,"task":"t","request":{"messages":[{"role":"assistant","content":null,"tool_calls":[{"id":"1","type":"function","function":{"name":"run","arguments":"{\"cmd\":\"ls\"}"}}]},{"role":"tool","content":"a.py"}]},"status":200,"response":{"choices":[{"message":{"role":"assistant","content":null,"tool_calls":[{"function":{"name":"edit","arguments":"{}"}}]}}]}}""" + "\n"
            + """{"index":3,"task":"t","request":{"messages":[]},"status":429,"usage":{"input_tokens":0,"output_tokens":0,"cost_usd":0}}""";

        var entries = TranscriptReader.Read("llm/t.jsonl", line).Entries;

        Assert.Equal("#3 t", entries[0].Title);
        Assert.Equal(["tool calls:\nrun({\"cmd\":\"ls\"})", "a.py"], entries[0].Messages.Select(m => m.Content));
        Assert.Equal("tool calls:\nedit({})", entries[0].Reply);
        Assert.Equal("HTTP 429", entries[1].Failure);
    }

    [Fact]
    public void Read_BrokenLines_KeptEntriesAndProblemNamesLines()
    {
        var transcript = TranscriptReader.Read("llm/t.jsonl", "{\"reply\":\"ok\"}\nnot json\n{\"reply\":\"ok2\"}\n[1]\n");

        Assert.Equal(["ok", "ok2"], transcript.Entries.Select(e => e.Reply));
        Assert.Equal("not JSON: lines 2, 4", transcript.Problem);
    }

    [Fact]
    public void Read_JsonNotAnArray_OneEntryWithRaw()
    {
        var transcript = TranscriptReader.Read("llm.json", "{\"model\":\"m\",\"reply\":\"r\"}");

        var entry = Assert.Single(transcript.Entries);
        Assert.Contains("\"model\": \"m\"", entry.Raw);
        Assert.Null(transcript.Problem);
    }
}
