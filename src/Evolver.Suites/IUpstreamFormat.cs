namespace Evolver.Suites;

/// <summary>One upstream layout: how to recognise it, list its exercises and turn each into a task folder.</summary>
internal interface IUpstreamFormat
{
    SuiteFormat Format { get; }

    /// <summary>Bumped whenever the conversion writes something different from the same inputs; part of every hash.</summary>
    int ConverterVersion { get; }

    /// <summary>suite.json name.</summary>
    string SuiteName { get; }

    /// <summary>suite.json description.</summary>
    string Description { get; }

    /// <summary>suite.json licence.</summary>
    string License { get; }

    /// <summary>suite.json source: where the tasks come from.</summary>
    string Source { get; }

    /// <summary>The folder holding the exercises when <paramref name="folder"/> is in this layout (it may be a child), else null.</summary>
    string? Locate(string folder);

    /// <summary>The upstream licence file to copy into the suite, if any.</summary>
    string? LicenseFile(string root);

    /// <summary>The exercises under <paramref name="root"/> (as returned by <see cref="Locate"/>), ordered by id.</summary>
    IReadOnlyList<UpstreamExercise> List(string root);

    /// <summary>Writes repo/, hidden/ and gold.patch of <paramref name="exercise"/> into the empty <paramref name="taskDirectory"/>.</summary>
    Conversion Convert(UpstreamExercise exercise, string taskDirectory);

    /// <summary>
    /// Called once the base and gold runs are known, before the task is committed: may add visible tests to repo/.
    /// Returns the paths for task.json <c>visible_tests</c>.
    /// </summary>
    IReadOnlyList<string> AddVisibleTests(UpstreamExercise exercise, string taskDirectory, GoldValidation validation);
}
