namespace Evolver.Sandbox;

/// <summary>The shell steps the harness runs inside its containers.</summary>
internal static class ContainerScripts
{
    /// <summary>Build output and caches that never belong in an agent's diff.</summary>
    private const string Excludes = @"printf 'bin/\nobj/\n__pycache__/\n*.pyc\n.pytest_cache/\nTestResults/\n' > ""$GIT_DIR/info/exclude""";

    private const string Git = "git -c safe.directory='*' -c user.name=evolver -c user.email=evolver@localhost -c core.quotepath=off";

    /// <summary>
    /// Root snapshots the base repository into a git dir the agent cannot read or write (uid 1000, mode 0700),
    /// so the agent can neither forge nor hide its diff.
    /// </summary>
    public static readonly string SnapshotBase =
        "set -e; export GIT_DIR=/evolver/base.git GIT_WORK_TREE=/repo; git init -q; " + Excludes + "; " +
        Git + " add -A; " + Git + " commit -q --allow-empty --no-verify -m base; chmod 700 \"$GIT_DIR\"";

    /// <summary>The agent gets its own ordinary git repository in /repo, as SWE-bench agents expect.</summary>
    public static readonly string InitAgentRepo =
        "set -e; cd /repo; export GIT_DIR=/repo/.git; git init -q; " + Excludes + "; " +
        Git + " add -A; " + Git + " commit -q --allow-empty --no-verify -m base";

    /// <summary>Prints the binary diff of /repo against the base snapshot; errors go to a file so stdout is the pure patch.</summary>
    public static readonly string Diff =
        "export GIT_DIR=/evolver/base.git GIT_WORK_TREE=/repo; cd /repo && " +
        Git + " add -A 2>/evolver/diff.err && " + Git + " diff --cached --binary --no-color --no-ext-diff --no-renames HEAD 2>>/evolver/diff.err";
}
