using System.Text.Json;

/// <summary>
/// Drops Python candidates that do not parse, with one <c>python3</c> process for a whole batch: far cheaper than
/// learning the same from a test run each.
/// </summary>
internal sealed class SyntaxFilter(string scratch, ShellRunner shell)
{
    private const string Script = """
        import ast, json, sys
        batch = json.load(open(sys.argv[1]))
        ok = []
        for i, text in enumerate(batch):
            try:
                ast.parse(text)
                ok.append(i)
            except (SyntaxError, ValueError):
                pass
        print(json.dumps(ok))
        """;

    /// <summary>The candidates whose file still parses, in their order; all of them when Python cannot be asked.</summary>
    public async Task<IReadOnlyList<Candidate>> KeepParsingAsync(IReadOnlyList<Candidate> candidates, IReadOnlyDictionary<string, SourceFile> sources, CancellationToken cancellationToken)
    {
        var python = candidates.Where(c => sources[c.File].Language == Language.Python).ToList();
        if (python.Count == 0)
        {
            return candidates;
        }

        Directory.CreateDirectory(scratch);
        var script = Path.Combine(scratch, "syntax_filter.py");
        var batch = Path.Combine(scratch, "batch.json");
        await File.WriteAllTextAsync(script, Script, cancellationToken);
        await File.WriteAllTextAsync(batch, JsonSerializer.Serialize(python.Select(c => sources[c.File].WithLine(c.Line, c.Text)).ToList()), cancellationToken);
        var (exit, output, _) = await shell.RunAsync($"python3 {ShellRunner.Quote(script)} {ShellRunner.Quote(batch)}", TimeSpan.FromSeconds(60), cancellationToken);
        if (exit != 0)
        {
            return candidates;
        }

        var parsing = JsonSerializer.Deserialize<int[]>(output.Trim())!.Select(i => python[i]).ToHashSet();
        return candidates.Where(c => sources[c.File].Language != Language.Python || parsing.Contains(c)).ToList();
    }
}
