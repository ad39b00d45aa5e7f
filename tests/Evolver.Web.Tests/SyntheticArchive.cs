using System.Text;
using System.Text.Json;
using Evolver.Archive;
using Evolver.Cli.Tests;
using Evolver.Core;
using LibGit2Sharp;

namespace Evolver.Web.Tests;

/// <summary>
/// A large archive in the archive's documented git format (<c>src/Evolver.Archive/README.md</c>), written in bulk with
/// LibGit2Sharp: <c>count</c> variants of a one-file agent, each a commit whose parent is a random earlier variant (recent
/// ones likelier, so lineages run deep and wide), one in eight a failed attempt, every record a note in one notes
/// commit. Committing each one through the archive takes ~30 ms; this takes a few seconds. The archive library builds its
/// index from git on the first open, as it does for a clone.
/// </summary>
internal static class SyntheticArchive
{
    public static string Build(TempDirectory work, int count)
    {
        var path = work.Combine("large");
        AgentArchive.Init(path).Dispose();
        using (var repo = new Repository(path))
        {
            var rng = new Random(3);
            var start = new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);
            var commits = new List<Commit>();
            var generations = new List<int>();
            var evaluated = new List<int>();
            var notes = new TreeDefinition();
            for (var i = 0; i < count; i++)
            {
                var id = "v" + i;
                var failed = i > 0 && rng.Next(8) == 0;
                var parent = i == 0 ? -1 : evaluated[Math.Max(0, evaluated.Count - 1 - (int)(rng.NextDouble() * rng.NextDouble() * evaluated.Count))];
                var blob = repo.ObjectDatabase.CreateBlob(new MemoryStream(Encoding.UTF8.GetBytes($"// {id}\nclass Agent {{ int Knob = {rng.Next(1000)}; }}\n")));
                var tree = new TreeDefinition();
                tree.Add("Agent.cs", blob, Mode.NonExecutableFile);
                var when = new Signature("evolver", "evolver@localhost", start.AddSeconds(i));
                var commit = repo.ObjectDatabase.CreateCommit(
                    when, when, $"{id}: change {i}", repo.ObjectDatabase.CreateTree(tree), parent < 0 ? [] : [commits[parent]], prettifyMessage: false);
                commits.Add(commit);
                generations.Add(parent < 0 ? 0 : generations[parent] + 1);
                repo.Refs.Add("refs/evolver/variants/" + id, commit.Id);
                var evaluation = failed
                    ? new EvaluationRecord { Status = VariantStatus.CompileFailed, Admitted = false, Mutator = "gp", MutationDescription = $"failed {i}" }
                    : new EvaluationRecord
                    {
                        Status = VariantStatus.Evaluated, Admitted = true, Score = rng.Next(11) / 10.0, Mutator = i % 3 == 0 ? "llm" : "gp",
                        MutationDescription = $"change {i}", CostUsd = i % 3 == 0 ? 0.01 : 0,
                    };
                var note = JsonSerializer.Serialize(new { format = 1, id, generation = generations[i], created_at = when.When, evaluation }, WebJson.Options);
                var sha = commit.Sha;
                notes.Add($"{sha[..2]}/{sha[2..4]}/{sha[4..]}", repo.ObjectDatabase.CreateBlob(new MemoryStream(Encoding.UTF8.GetBytes(note))), Mode.NonExecutableFile);
                if (!failed)
                {
                    evaluated.Add(i);
                }
            }

            var who = new Signature("evolver", "evolver@localhost", start);
            var notesCommit = repo.ObjectDatabase.CreateCommit(who, who, "Notes added by the synthetic archive", repo.ObjectDatabase.CreateTree(notes), [], prettifyMessage: false);
            repo.Refs.Add("refs/notes/evolver", notesCommit.Id);
        }

        return path;
    }
}
