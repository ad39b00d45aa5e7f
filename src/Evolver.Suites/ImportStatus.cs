namespace Evolver.Suites;

/// <summary>What became of one upstream exercise.</summary>
public enum ImportStatus
{
    /// <summary>Converted, validated by a gold run and written to the suite.</summary>
    Imported,

    /// <summary>Left out for a reason that will not change on a rerun (for example no FAIL_TO_PASS test).</summary>
    Skipped,

    /// <summary>Could not be validated this time (sandbox failure or importer error); a rerun tries it again.</summary>
    Failed,
}
