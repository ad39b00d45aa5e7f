using Evolver.Core;
using LibGit2Sharp;

namespace Evolver.Archive.Benchmarks;

/// <summary>
/// Writes a synthetic archive of many variants in bulk, in the archive's own format: one blob, tree, commit and
/// note blob per variant, then a single notes commit holding every note (fanout trees written once) and the refs.
/// The index is left for <see cref="AgentArchive.Open"/> to rebuild, which is itself measured.
/// </summary>
internal static class SyntheticArchive
{
    private const int Tasks = 60;
    private const int ScreenTasks = 10;

    public static async Task<string> GenerateAsync(string directory, string seedSource, int count)
    {
        using (var archive = AgentArchive.Init(directory))
        {
            await archive.AddSeedAsync(seedSource, "v0", CancellationToken.None);
        }

        // Each object is written once and referenced right after; the existence checks only slow the bulk write.
        GlobalSettings.SetEnableStrictObjectCreation(false);
        var random = new Random(42);
        var taskIds = Enumerable.Range(0, Tasks).Select(t => $"task-{t:00}").ToArray();
        var commits = new Commit[count];
        var generations = new int[count];
        var depths = new int[count];
        var notes = new List<(ObjectId Target, ObjectId Blob)>(count);
        var start = new DateTimeOffset(2025, 1, 1, 0, 0, 0, TimeSpan.Zero);
        using (var repo = new Repository(directory))
        {
            commits[0] = (Commit)repo.Refs[ArchiveLayout.VariantRef("v0")].ResolveToDirectReference().Target;
            var tree = TreeDefinition.From(commits[0].Tree);
            for (var i = 1; i < count; i++)
            {
                // Parents among the last thousand variants: lineages grow deep, as in a long run.
                var first = random.Next(Math.Max(0, i - 1000), i);
                var parents = i % 10 == 0 && i > 1 ? new[] { first, (first + 1 + random.Next(i - 1)) % i } : [first];
                parents = parents.Distinct().ToArray();
                using var source = new MemoryStream(System.Text.Encoding.UTF8.GetBytes($"// variant v{i}\nnamespace Agent;\ninternal static class Mutation{i} {{ }}\n"));
                tree.Add("Mutation.cs", repo.ObjectDatabase.CreateBlob(source), Mode.NonExecutableFile);
                var when = start.AddSeconds(i * 30);
                var signature = new Signature("evolver", "evolver@localhost", when);
                var id = "v" + i;
                commits[i] = repo.ObjectDatabase.CreateCommit(
                    signature, signature, $"{id}: synthetic mutation\n\nEvolver-Variant: {id}\n", repo.ObjectDatabase.CreateTree(tree),
                    parents.Select(p => commits[p]), prettifyMessage: false);
                generations[i] = parents.Max(p => generations[p]) + 1;
                depths[i] = depths[parents[0]] + 1;
                var note = new NoteDocument
                {
                    Format = ArchiveLayout.Format,
                    Id = id,
                    Generation = generations[i],
                    CreatedAt = when,
                    Evaluation = Evaluation(random, taskIds, generations[i]),
                };
                using var noteStream = new MemoryStream(NoteJson.Bytes(note));
                notes.Add((commits[i].Id, repo.ObjectDatabase.CreateBlob(noteStream).Id));
                if (i % 10_000 == 0)
                {
                    Console.WriteLine($"  wrote {i:N0} variants");
                }
            }

            GlobalSettings.SetEnableStrictObjectCreation(true);
            WriteNotes(repo, notes);
            for (var i = 1; i < count; i++)
            {
                repo.Refs.Add(ArchiveLayout.VariantRef("v" + i), commits[i].Id);
            }
        }

        // The index still holds only the seed; opening rebuilds it from git.
        foreach (var file in Directory.EnumerateFiles(directory, ArchiveLayout.IndexFile + "*"))
        {
            File.Delete(file);
        }

        var deepest = Array.IndexOf(depths, depths.Max());
        return "v" + deepest;
    }

    private static void WriteNotes(Repository repo, List<(ObjectId Target, ObjectId Blob)> notes)
    {
        var head = (Commit)repo.Refs[ArchiveLayout.NotesRef].ResolveToDirectReference().Target;
        var all = NotesStore.ReadAll(head).Select(n => (n.Key, n.Value.Blob)).Concat(notes);
        var top = new TreeDefinition();
        foreach (var outer in all.GroupBy(n => n.Item1.Sha[..2]))
        {
            var mid = new TreeDefinition();
            foreach (var inner in outer.GroupBy(n => n.Item1.Sha[2..4]))
            {
                var leaf = new TreeDefinition();
                foreach (var (target, blob) in inner)
                {
                    leaf.Add(target.Sha[4..], blob, Mode.NonExecutableFile);
                }

                mid.Add(inner.Key, repo.ObjectDatabase.CreateTree(leaf));
            }

            top.Add(outer.Key, repo.ObjectDatabase.CreateTree(mid));
        }

        var signature = new Signature("evolver", "evolver@localhost", DateTimeOffset.UtcNow);
        var commit = repo.ObjectDatabase.CreateCommit(
            signature, signature, $"synthetic notes for {notes.Count} variants\n", repo.ObjectDatabase.CreateTree(top), [head], prettifyMessage: false);
        repo.Refs.UpdateTarget(repo.Refs[ArchiveLayout.NotesRef], commit.Id, "synthetic notes");
    }

    // Shaped like a DGM run: some children fail to compile or crash; the rest run a screen of ten tasks and,
    // past 40%, the full set; fitness drifts up with the generation.
    private static EvaluationRecord Evaluation(Random random, string[] taskIds, int generation)
    {
        var roll = random.NextDouble();
        var common = new EvaluationRecord
        {
            Status = VariantStatus.Evaluated,
            Admitted = false,
            Mutator = random.Next(3) switch { 0 => "llm", 1 => "gp", _ => "self" },
            MutationDescription = "Synthetic mutation: retry failing edits with a narrower search window.\n\nGenerated for the benchmark.",
            InputTokens = random.Next(5_000, 80_000),
            OutputTokens = random.Next(500, 8_000),
            CostUsd = Math.Round(random.NextDouble() * 0.5, 4),
            Timings = new Dictionary<string, TimeSpan> { ["mutate"] = TimeSpan.FromSeconds(random.Next(5, 120)), ["evaluate"] = TimeSpan.FromSeconds(random.Next(30, 900)) },
        };
        if (roll < 0.15)
        {
            return common with { Status = VariantStatus.CompileFailed, Diagnostics = ["Agent.cs(12,5): error CS0103: The name 'x' does not exist in the current context"], Flags = ["compile-error"] };
        }

        if (roll < 0.2)
        {
            return common with { Status = VariantStatus.Crashed, Diagnostics = ["evaluation crashed"], Flags = ["crashed"] };
        }

        var quality = Math.Min(0.9, 0.15 + generation * 0.002);
        var tasks = new List<TaskRecord>();
        var screen = Run(random, taskIds[..ScreenTasks], quality, 0, tasks);
        var stages = new List<StageRecord> { new("screen", ScreenTasks, screen, screen >= 4) };
        if (screen >= 4)
        {
            var full = Run(random, taskIds[ScreenTasks..], quality, 1, tasks);
            stages.Add(new StageRecord("full", Tasks - ScreenTasks, full, true));
        }

        var resolved = tasks.Count(t => t.Resolved);
        return common with
        {
            Score = (double)resolved / tasks.Count,
            Admitted = resolved > 0,
            Tasks = tasks,
            Stages = stages,
            Suite = "synthetic",
            SuiteVersion = "1",
        };
    }

    private static int Run(Random random, string[] ids, double quality, int stage, List<TaskRecord> tasks)
    {
        var resolved = 0;
        foreach (var id in ids)
        {
            var outcome = random.NextDouble() < quality ? TaskOutcome.Resolved : random.Next(4) switch
            {
                0 => TaskOutcome.NoChange,
                1 => TaskOutcome.PatchFailed,
                2 => TaskOutcome.TestTimeout,
                _ => TaskOutcome.Unresolved,
            };
            resolved += outcome == TaskOutcome.Resolved ? 1 : 0;
            tasks.Add(new TaskRecord
            {
                InstanceId = id,
                Outcome = outcome,
                Reason = outcome == TaskOutcome.Resolved ? "all FAIL_TO_PASS and PASS_TO_PASS pass" : "1 FAIL_TO_PASS test fails",
                Duration = TimeSpan.FromSeconds(random.Next(5, 300)),
                Stage = stage,
            });
        }

        return resolved;
    }
}
