using System.Text;
using System.Text.Json;
using Evolver.Core;
using LibGit2Sharp;
using Xunit;

namespace Evolver.Archive.Tests;

/// <summary>The agents' time profiles in the evaluation note: kept, and absent from older notes without harm.</summary>
public sealed class TimeProfileNoteTests
{
    [Fact]
    public async Task GetVariant_TaskWithTimeProfile_ReadsItBackAfterReopen()
    {
        using var fixture = new ArchiveFixture();
        await fixture.SeedAsync();
        TimeKnobUse[] profile = [new("PytestRunner.QuickTestSeconds", 31.5, 40, 3, 24), new("SearchBudget.Reserve", 8, 1, 1, 8)];
        var evaluation = new EvaluationRecord
        {
            Status = VariantStatus.Evaluated,
            Admitted = true,
            Tasks =
            [
                new TaskRecord { InstanceId = "kheapsort", Outcome = TaskOutcome.NoChange, Duration = TimeSpan.FromSeconds(51), TimeProfile = profile },
                new TaskRecord { InstanceId = "gcd", Outcome = TaskOutcome.Resolved, Duration = TimeSpan.FromSeconds(3) },
            ],
        };

        var child = await fixture.Archive.CommitVariantAsync(
            new VariantDraft { SourceDirectory = fixture.Source(("A.cs", "x")), Parents = ["seed"], Evaluation = evaluation, Id = "c1" },
            CancellationToken.None);
        fixture.Reopen();
        var tasks = fixture.Archive.GetVariant("c1").Evaluation.Tasks;

        Assert.Equal(profile, tasks[0].TimeProfile);
        Assert.Null(tasks[1].TimeProfile);
        using var repo = new Repository(fixture.ArchivePath);
        using var json = JsonDocument.Parse(repo.Notes["evolver", new ObjectId(child.Commit)].Message);
        var entry = json.RootElement.GetProperty("evaluation").GetProperty("tasks")[0].GetProperty("time_profile")[0];
        Assert.Equal("PytestRunner.QuickTestSeconds", entry.GetProperty("name").GetString());
        Assert.Equal(24, entry.GetProperty("expired_seconds").GetDouble());
        Assert.False(json.RootElement.GetProperty("evaluation").GetProperty("tasks")[1].TryGetProperty("time_profile", out _));
    }

    [Fact]
    public void TryRead_NoteWrittenBeforeTimeProfiles_ReadsWithoutOne()
    {
        // A task record as archives held it before agents reported profiles (fields of commit 0b0d1e7).
        const string old = """
            {
              "format": 1, "id": "v3", "generation": 1, "created_at": "2026-11-23T18:20:00+00:00",
              "evaluation": {
                "status": "evaluated", "admitted": true, "score": 0.5,
                "tasks": [ { "instance_id": "kheapsort", "outcome": "no_change", "reason": "no diff", "duration": 49.2, "stage": 0 } ],
                "mutator": "gp"
              }
            }
            """;

        var note = NoteJson.TryRead(Encoding.UTF8.GetBytes(old), out var error);

        Assert.True(note is not null, error);
        var task = Assert.Single(note.Evaluation.Tasks);
        Assert.Equal(("kheapsort", TaskOutcome.NoChange, 49.2), (task.InstanceId, task.Outcome, task.Duration.TotalSeconds));
        Assert.Null(task.TimeProfile);
    }
}
