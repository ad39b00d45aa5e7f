using Evolver.Core;

namespace Evolver.Suites;

/// <summary>
/// Converts an upstream benchmark (Aider Polyglot Python, Exercism C#, QuixBugs) into a native task suite. Every task is
/// validated the way SWE-bench validates its own: the hidden tests run in the sandbox on the base repository and with the
/// gold patch, FAIL_TO_PASS and PASS_TO_PASS come from those runs, and a task the gold cannot pass is left out with the reason.
/// </summary>
public sealed class SuiteImporter(TimeProvider timeProvider)
{
    private static readonly IUpstreamFormat[] Formats = [new PolyglotFormat(), new ExercismCsharpFormat(), new QuixbugsFormat()];

    /// <summary>The layout of <paramref name="folder"/>, or null when it is none of the known ones.</summary>
    public static SuiteFormat? Detect(string folder) => Formats.FirstOrDefault(f => f.Locate(Path.GetFullPath(folder)) is not null)?.Format;

    /// <summary>Imports <see cref="ImportOptions.From"/> into <see cref="ImportOptions.Out"/>.</summary>
    /// <param name="options">What to import and where; validated here.</param>
    /// <param name="sandbox">Runs the base and gold scoring of each task.</param>
    /// <param name="progress">Told as each task is done; may be null.</param>
    /// <param name="cancellationToken">Stops the import; finished tasks are kept for a rerun.</param>
    /// <returns>The report; <see cref="ImportReport.Error"/> says why nothing was written.</returns>
    public async Task<ImportReport> ImportAsync(ImportOptions options, ISandbox sandbox, IProgress<ImportProgress>? progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(sandbox);
        var start = timeProvider.GetTimestamp();
        var problems = options.Validate();
        if (problems.Count > 0)
        {
            return new ImportReport { Error = "invalid import options: " + string.Join("; ", problems) };
        }

        var from = Path.GetFullPath(options.From);
        var (format, root, layoutError) = Resolve(from, options.Format);
        if (format is null || root is null)
        {
            return new ImportReport { Error = layoutError };
        }

        TaskIdFilter.TryParse(options.TaskFilter ?? "*", out var filter, out _);
        var exercises = format.List(root).Where(e => filter.Matches(e.Id)).ToList();
        if (exercises.Count == 0)
        {
            return new ImportReport
            {
                Format = format.Format,
                Error = options.TaskFilter is null ? $"'{root}' holds no {SuiteFormats.Name(format.Format)} exercise" : $"no exercise in '{root}' matches '{options.TaskFilter}'",
            };
        }

        var workspace = new ImportWorkspace(options.Out);
        if (workspace.CheckOut() is { } outProblem)
        {
            return new ImportReport { Format = format.Format, Error = outProblem };
        }

        workspace.Open();
        var formatLabel = SuiteFormats.Name(format.Format) + "/" + format.ConverterVersion;
        var hashes = exercises.Select(e => FileTree.Hash(root, e.Inputs, formatLabel, e.Id)).ToArray();
        var results = new ImportedTask[exercises.Count];
        var completed = 0;
        await Parallel.ForEachAsync(
            Enumerable.Range(0, exercises.Count),
            new ParallelOptions { MaxDegreeOfParallelism = options.Parallelism, CancellationToken = cancellationToken },
            async (i, ct) =>
            {
                results[i] = await ImportTaskAsync(format, exercises[i], hashes[i], workspace, sandbox, ct).ConfigureAwait(false);
                progress?.Report(new ImportProgress(Interlocked.Increment(ref completed), exercises.Count, results[i]));
            }).ConfigureAwait(false);

        var report = new ImportReport { Format = format.Format, SuiteName = format.SuiteName, Tasks = results };
        var imported = results.Where(r => r.Status == ImportStatus.Imported).Select(r => r.InstanceId).ToHashSet(StringComparer.Ordinal);
        if (imported.Count == 0)
        {
            return report with { Error = "no task could be imported; see each task's reason", Duration = timeProvider.GetElapsedTime(start) };
        }

        // The version names the content: which tasks made it in, from which inputs, by which converter, under which licence.
        var license = format.LicenseFile(root);
        var version = FileTree.Hash(root, license is null ? [] : [license],
            [formatLabel, .. Enumerable.Range(0, exercises.Count).Where(i => imported.Contains(exercises[i].Id)).Select(i => exercises[i].Id + "=" + hashes[i])])[..12];
        var publishError = workspace.Publish(format, version, license, imported);
        return report with
        {
            SuiteVersion = version,
            OutDirectory = publishError is null ? workspace.Out : null,
            Error = publishError,
            Duration = timeProvider.GetElapsedTime(start),
        };
    }

    private static (IUpstreamFormat? Format, string? Root, string Error) Resolve(string from, SuiteFormat? wanted)
    {
        const string Expected =
            "exercise folders with .meta/config.json and .py files (polyglot), exercise folders with a *.csproj and .meta/Example.cs " +
            "(exercism-csharp), or python_programs/ and correct_python_programs/ (quixbugs)";
        foreach (var format in Formats.Where(f => wanted is null || f.Format == wanted))
        {
            if (format.Locate(from) is { } root)
            {
                return (format, root, "");
            }
        }

        return wanted is { } w
            ? (null, null, $"'{from}' is not in the {SuiteFormats.Name(w)} layout; expected {Expected}")
            : (null, null, $"'{from}' is in no known upstream layout; expected {Expected}");
    }

    private async Task<ImportedTask> ImportTaskAsync(
        IUpstreamFormat format, UpstreamExercise exercise, string inputHash, ImportWorkspace workspace, ISandbox sandbox, CancellationToken cancellationToken)
    {
        if (workspace.Reuse(exercise.Id, inputHash) is { } earlier)
        {
            return earlier;
        }

        var start = timeProvider.GetTimestamp();
        var dir = workspace.Stage(exercise.Id);
        ImportedTask Result(ImportStatus status, string reason, GoldValidation? validation = null) => new()
        {
            InstanceId = exercise.Id,
            Status = status,
            Reason = reason,
            FailToPass = validation?.FailToPass.Count ?? 0,
            PassToPass = validation?.PassToPass.Count ?? 0,
            Duration = timeProvider.GetElapsedTime(start),
        };

        try
        {
            var conversion = format.Convert(exercise, dir);
            if (conversion.Task is not { } task)
            {
                var skipped = Result(ImportStatus.Skipped, conversion.SkipReason!);
                workspace.Commit(dir, inputHash, skipped);
                return skipped;
            }

            await File.WriteAllTextAsync(Path.Combine(dir, "gold.patch"), task.GoldPatch, cancellationToken).ConfigureAwait(false);
            var provisional = new TaskSpec
            {
                InstanceId = exercise.Id,
                ProblemStatement = task.ProblemStatement,
                Language = task.Language,
                Image = task.Image,
                TestCommand = task.TestCommand,
                TestFormat = task.TestFormat,
                FailToPass = [],
                PassToPass = [],
                Timeouts = task.Timeouts,
                Source = task.Source,
                Directory = dir,
            };
            var validation = await GoldValidation.RunAsync(provisional, task.GoldPatch, sandbox, cancellationToken).ConfigureAwait(false);
            if (validation.Status == ImportStatus.Imported)
            {
                var visible = format.AddVisibleTests(exercise, dir, validation);
                SuiteJson.WriteTask(Path.Combine(dir, "task.json"), exercise.Id, task, validation, visible);
            }

            var result = Result(validation.Status, validation.Reason, validation);
            if (result.Status == ImportStatus.Failed)
            {
                ImportWorkspace.Discard(dir);
            }
            else
            {
                workspace.Commit(dir, inputHash, result);
            }

            return result;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or InvalidOperationException or ArgumentException)
        {
            ImportWorkspace.Discard(dir);
            return Result(ImportStatus.Failed, $"importer error: {e.GetType().Name}: {e.Message}");
        }
    }
}
