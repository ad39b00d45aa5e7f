namespace Evolver.Suites;

/// <summary>The outcome of an import: the suite written and what became of each upstream exercise.</summary>
public sealed record ImportReport
{
    /// <summary>Why nothing was written (invalid options, unknown layout, no task imported); null on success.</summary>
    public string? Error { get; init; }

    /// <summary>The upstream layout that was read, when known.</summary>
    public SuiteFormat? Format { get; init; }

    /// <summary>The suite's name, for example <c>quixbugs</c>.</summary>
    public string? SuiteName { get; init; }

    /// <summary>The suite's version: a hash of the converted inputs and the converter.</summary>
    public string? SuiteVersion { get; init; }

    /// <summary>The suite folder, once written.</summary>
    public string? OutDirectory { get; init; }

    /// <summary>Every exercise considered, ordered by instance id.</summary>
    public IReadOnlyList<ImportedTask> Tasks { get; init; } = [];

    /// <summary>Wall-clock time of the whole import.</summary>
    public TimeSpan Duration { get; init; }

    /// <summary>True when the suite was written.</summary>
    public bool Succeeded => Error is null;

    /// <summary>The tasks written to the suite.</summary>
    public IEnumerable<ImportedTask> Imported => Tasks.Where(t => t.Status == ImportStatus.Imported);

    /// <summary>The tasks left out, with their reasons.</summary>
    public IEnumerable<ImportedTask> Skipped => Tasks.Where(t => t.Status != ImportStatus.Imported);
}
