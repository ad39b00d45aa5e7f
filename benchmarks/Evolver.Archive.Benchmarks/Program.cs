// Benchmark of Evolver.Archive over a synthetic archive (default 100,000 variants), cached under /tmp between runs.
// Usage: dotnet run -c Release --project benchmarks/Evolver.Archive.Benchmarks [-- --variants N] [--fresh] [--cache DIR]
using System.Diagnostics;
using Evolver.Archive;
using Evolver.Archive.Benchmarks;
using Evolver.Core;

var count = 100_000;
var fresh = false;
var cache = Path.Combine(Path.GetTempPath(), "evolver-archive-bench");
for (var i = 0; i < args.Length; i++)
{
    switch (args[i])
    {
        case "--variants": count = int.Parse(args[++i], System.Globalization.CultureInfo.InvariantCulture); break;
        case "--fresh": fresh = true; break;
        case "--cache": cache = args[++i]; break;
        default: Console.Error.WriteLine($"unknown argument {args[i]}"); return 2;
    }
}

var root = Path.Combine(cache, count.ToString(System.Globalization.CultureInfo.InvariantCulture));
var archivePath = Path.Combine(root, "archive");
var complete = Path.Combine(root, "complete");
var seedSource = Path.Combine(root, "seed-src");
if (fresh || !File.Exists(complete))
{
    if (Directory.Exists(root))
    {
        Directory.Delete(root, recursive: true);
    }

    WriteAgentSource(seedSource, "seed");
    Console.WriteLine($"Generating a synthetic archive of {count:N0} variants in {archivePath} ...");
    var watch = Stopwatch.StartNew();
    var deepest = await SyntheticArchive.GenerateAsync(archivePath, seedSource, count);
    Console.WriteLine($"  generated in {watch.Elapsed.TotalSeconds:0.0} s (git objects, notes and refs; the index is built by the first open)");
    File.WriteAllText(complete, deepest);
}

var deep = File.ReadAllText(complete).Trim();
Console.WriteLine();
Console.WriteLine($"Archive: {archivePath}");
Console.WriteLine($"Machine: {Environment.ProcessorCount} cores, .NET {Environment.Version}, {System.Runtime.InteropServices.RuntimeInformation.OSDescription}, load average {Stats.Load()} at start");
Console.WriteLine();

AgentArchive archive = null!;
Report("open, first in this process (JIT, native load; rebuilds a missing index)", Stats.Once(() => archive = AgentArchive.Open(archivePath)));
archive.Dispose();
Report("open, warm (target < 2 s)", await Stats.Measure(10, _ => AgentArchive.Open(archivePath).Dispose()));

using (archive = AgentArchive.Open(archivePath))
{
    var variants = archive.ListVariants().Count;
    var candidates = archive.ReadSelectionInputs();
    var depth = archive.Lineage(deep).Count - 1;
    Console.WriteLine($"  variants: {variants:N0}; admitted (selection candidates): {candidates.Count:N0}; tasks per vector: {candidates[0].Outcomes.TaskIds.Count}; deepest lineage: {deep} at depth {depth}");
    Console.WriteLine();

    // The read above wrote the selection snapshot; a newly opened archive starts from it and reads the rows written since.
    var snapshotFile = Path.Combine(archivePath, "index.selection");
    Report("parent-selection inputs, full read by a newly opened archive: id, score, children, outcome vectors of all admitted (target < 50 ms)", await Stats.Measure(10, _ =>
    {
        using var fresh = AgentArchive.Open(archivePath);
        fresh.ReadSelectionInputs();
    }));
    var snapshotBytes = File.ReadAllBytes(snapshotFile);
    Report("  the same with no snapshot file (every admitted row stepped through in SQLite; the read then writes the snapshot)", await Stats.Measure(5, _ =>
    {
        File.Delete(snapshotFile);
        using var fresh = AgentArchive.Open(archivePath);
        fresh.ReadSelectionInputs();
    }));
    Console.WriteLine($"  snapshot file: {snapshotBytes.Length / 1e6:0.0} MB");
    Report($"lineage of the deepest node, depth {depth} (target < 100 ms)", await Stats.Measure(20, _ => archive.Lineage(deep)));

    var work = Path.Combine(root, "commit-src");
    var random = new Random();
    WriteAgentSource(work, "bench");
    Report("commit a variant: 20-file agent source, note, ref, index row (target < 20 ms)", await Stats.MeasureAsync(50, async i =>
    {
        File.WriteAllText(Path.Combine(work, "Mutation.cs"), $"// benchmark commit {Guid.NewGuid()}\n");
        await archive.CommitVariantAsync(
            new VariantDraft
            {
                SourceDirectory = work,
                Parents = [candidates[random.Next(candidates.Count)].Id],
                Evaluation = new EvaluationRecord
                {
                    Status = VariantStatus.Evaluated,
                    Admitted = true,
                    Score = 0.5,
                    Mutator = "bench",
                    MutationDescription = "benchmark commit",
                    Tasks = Enumerable.Range(0, 60).Select(t => new TaskRecord { InstanceId = $"task-{t:00}", Outcome = t % 2 == 0 ? TaskOutcome.Resolved : TaskOutcome.Unresolved }).ToList(),
                },
            },
            CancellationToken.None);
    }));

    var incremental = new Stats();
    for (var i = 0; i < 20; i++)
    {
        File.WriteAllText(Path.Combine(work, "Mutation.cs"), $"// benchmark commit {Guid.NewGuid()}\n");
        await archive.CommitVariantAsync(
            new VariantDraft { SourceDirectory = work, Parents = [candidates[random.Next(candidates.Count)].Id], Evaluation = new EvaluationRecord { Status = VariantStatus.Evaluated, Admitted = true, Score = 0.25 } },
            CancellationToken.None);
        incremental.Time(() => archive.ReadSelectionInputs());
    }

    Report("parent-selection inputs in a loop: the read after each commit (incremental from the index)", incremental.ToString());
    Report("get one variant from git (ref, commit, note)", await Stats.Measure(20, _ => archive.GetVariant(deep)));
    Report("list all variants (ls, no filter)", await Stats.Measure(5, _ => archive.ListVariants()));
    Report("tree of all variants", await Stats.Measure(5, _ => archive.Tree()));
    Report("reindex from git alone", Stats.Once(() => archive.Reindex()));
    Report("fsck (check only)", Stats.Once(() => Console.WriteLine($"  fsck findings: {archive.Fsck(repair: false).Findings.Count}")));
}

Console.WriteLine($"load average {Stats.Load()} at the end");

return 0;

static void Report(string what, string figures) => Console.WriteLine($"{what}\n    {figures}");

// A plausible agent: twenty C# files of a couple of kilobytes.
static void WriteAgentSource(string directory, string label)
{
    Directory.CreateDirectory(directory);
    for (var f = 0; f < 20; f++)
    {
        var body = string.Concat(Enumerable.Range(0, 40).Select(l => $"    // {label} file {f} line {l}: keeps the agent's tool loop readable.\n"));
        File.WriteAllText(Path.Combine(directory, $"Tool{f:00}.cs"), $"namespace Agent;\n\ninternal static class Tool{f:00}\n{{\n{body}}}\n");
    }
}
