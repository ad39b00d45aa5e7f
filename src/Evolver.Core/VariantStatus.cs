namespace Evolver.Core;

/// <summary>How far an archived variant got; failed attempts are archived too.</summary>
public enum VariantStatus
{
    /// <summary>Archived but not evaluated yet, e.g. a seed added by <c>evolver init</c>.</summary>
    Pending,

    /// <summary>Compiled, validated and scored on tasks (whatever the score).</summary>
    Evaluated,

    /// <summary>Did not compile.</summary>
    CompileFailed,

    /// <summary>Compiled but broke a rule: edited protected code or used a banned API.</summary>
    Rejected,

    /// <summary>The mutation or the evaluation crashed before a score was known.</summary>
    Crashed,
}
