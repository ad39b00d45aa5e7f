// Usage: Evolver.Archive.CrashWriter <archive> <work-dir> <count> <label>
// Commits <count> variants, each a child of a random admitted variant (or a new seed when there is none), and prints
// "committed <id>" after each commit returns. The crash test kills it at random points; whatever it printed must survive.
using Evolver.Archive;
using Evolver.Core;

if (args.Length != 4)
{
    Console.Error.WriteLine("usage: <archive> <work-dir> <count> <label>");
    return 2;
}

var (archivePath, work, count, label) = (args[0], args[1], int.Parse(args[2], System.Globalization.CultureInfo.InvariantCulture), args[3]);
var random = new Random();
Directory.CreateDirectory(work);
File.WriteAllText(Path.Combine(work, "Agent.cs"), "namespace Agent;\n\npublic static class Agent { }\n");
using var archive = AgentArchive.Open(archivePath);
Console.WriteLine("ready");
for (var i = 0; i < count; i++)
{
    File.WriteAllText(Path.Combine(work, "Mutation.cs"), $"// {label} #{i} {random.Next()}\n");
    var logs = Path.Combine(work + "-logs", i.ToString(System.Globalization.CultureInfo.InvariantCulture));
    Directory.CreateDirectory(logs);
    File.WriteAllText(Path.Combine(logs, "exchange.json"), $"{{\"label\":\"{label}\",\"i\":{i}}}");
    var candidates = archive.ReadSelectionInputs();
    var parents = candidates.Count == 0 ? [] : new[] { candidates[random.Next(candidates.Count)].Id };
    var resolved = random.Next(2) == 0;
    var record = await archive.CommitVariantAsync(
        new VariantDraft
        {
            SourceDirectory = work,
            Parents = parents,
            LogsDirectory = random.Next(2) == 0 ? logs : null,
            Evaluation = new EvaluationRecord
            {
                Status = VariantStatus.Evaluated,
                Admitted = random.Next(4) != 0,
                Score = resolved ? 1 : 0,
                Mutator = "crash-writer",
                MutationDescription = $"{label} #{i}",
                Tasks = [new TaskRecord { InstanceId = "task-" + random.Next(5), Outcome = resolved ? TaskOutcome.Resolved : TaskOutcome.Unresolved }],
            },
        },
        CancellationToken.None);
    Console.WriteLine("committed " + record.Id);
}

return 0;
