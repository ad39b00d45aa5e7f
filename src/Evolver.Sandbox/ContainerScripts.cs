namespace Evolver.Sandbox;

/// <summary>
/// The shell steps the harness runs inside its containers. Each docker exec costs several engine round trips, so
/// every step does as much as its user may do in one exec.
/// </summary>
internal static class ContainerScripts
{
    /// <summary>Where the root set-up step extracts its copy of the repository to snapshot it; removed right after.</summary>
    public const string BaseTree = "evolver/base-tree";

    /// <summary>Where the collect step leaves the diff, the report and their errors before it tars them to stdout.</summary>
    private const string Out = "/evolver/collect";

    /// <summary>Extract flags for every copy-in: owned by the extracting user, modes through its umask, mtimes now.</summary>
    private const string Extract = "tar -x --no-same-owner --no-same-permissions -m";

    /// <summary>Build output and caches that never belong in an agent's diff.</summary>
    private const string Excludes = @"printf 'bin/\nobj/\n__pycache__/\n*.pyc\n.pytest_cache/\nTestResults/\n' > ""$GIT_DIR/info/exclude""";

    private const string Git = "git -c safe.directory='*' -c user.name=evolver -c user.email=evolver@localhost -c core.quotepath=off";

    /// <summary>As the agent user: the repository tar on stdin goes to /repo (the clean copy a scoring run starts from).</summary>
    public const string CopyRepo = Extract + " -f - -C /repo";

    /// <summary>
    /// As the agent user: the repository tar on stdin goes to /repo, which becomes an ordinary git repository at the
    /// base commit, as SWE-bench agents expect.
    /// </summary>
    public static readonly string SetUpRepo =
        "set -e; " + Extract + " -f - -C /repo; cd /repo; export GIT_DIR=/repo/.git; git init -q; " + Excludes + "; " +
        Git + " add -A; " + Git + " commit -q --allow-empty --no-verify -m base";

    /// <summary>
    /// As root, at the same time as <see cref="SetUpRepo"/>: the tar on stdin (the agent's build under opt/agent, its
    /// input under evolver, and a copy of the repository under <see cref="BaseTree"/>) is extracted at /, and that copy
    /// is snapshotted into a git dir the agent cannot read or write (mode 0700), so the agent can neither forge nor
    /// hide its diff. The snapshot comes from the harness's own tar, never from anything the agent user wrote.
    /// </summary>
    public static readonly string SetUpRoot =
        "set -e; " + Extract + " -f - -C /; export GIT_DIR=/evolver/base.git GIT_WORK_TREE=/" + BaseTree + "; git init -q; " + Excludes + "; " +
        Git + " add -A; " + Git + " commit -q --allow-empty --no-verify -m base; chmod 700 \"$GIT_DIR\"; rm -rf /" + BaseTree;

    /// <summary>
    /// As root, after the agent stopped: a tar on stdout holding <c>agent.patch</c> (the binary diff of /repo against
    /// the snapshot, cut at <paramref name="patchLimit"/> + 1 bytes so an oversized diff shows), <c>diff.exit</c>,
    /// <c>diff.err</c> and <c>report.json</c> (the agent's report, cut at <paramref name="reportLimit"/> + 1 bytes,
    /// read without following links or blocking on a pipe the agent may have left there).
    /// </summary>
    public static string Collect(long patchLimit, long reportLimit) =>
        "mkdir -p " + Out + " && cd /repo || exit 1; export GIT_DIR=/evolver/base.git GIT_WORK_TREE=/repo; " +
        "{ " + Git + " add -A && " + Git + " diff --cached --binary --no-color --no-ext-diff --no-renames HEAD; echo $? > " + Out + "/diff.exit; } " +
        "2> " + Out + "/diff.err | head -c " + (patchLimit + 1) + " > " + Out + "/agent.patch; " +
        "if [ -f " + Agents.Sdk.AgentPaths.Report + " ]; then dd if=" + Agents.Sdk.AgentPaths.Report + " iflag=nofollow,nonblock bs=" + (reportLimit + 1) +
        " count=1 of=" + Out + "/report.json 2>/dev/null; fi; " +
        "head -c 4096 " + Out + "/diff.err > " + Out + "/diff.err.head; rm " + Out + "/diff.err; tar -c -f - -C " + Out + " .";

    /// <summary>
    /// As the agent user in the prepared scoring container: the tar on stdin holds <c>agent.patch</c> and
    /// <c>hidden.tar</c>; the patch is applied to the clean /repo, the hidden tests laid over it, and the shell is
    /// replaced by the test command. A step before the tests that fails prints <paramref name="nonce"/> and the step
    /// (<c>setup</c>, <c>apply</c> or <c>hidden</c>) on the first line, then its error, and exits
    /// <see cref="StepFailedExit"/>; the nonce is gone from the process once the test command runs, so a test cannot
    /// forge that verdict.
    /// </summary>
    public static string Score(string nonce, string testCommand) =>
        "fail() { echo \"" + nonce + " $1\"; cat \"$s/err\" 2>/dev/null; exit " + StepFailedExit + "; }; " +
        "s=$(mktemp -d) && " + Extract + " -f - -C \"$s\" 2>\"$s/err\" && cd /repo || fail setup; " +
        "if [ -s \"$s/agent.patch\" ]; then git apply --whitespace=nowarn \"$s/agent.patch\" >\"$s/err\" 2>&1 || fail apply; fi; " +
        "if [ -f \"$s/hidden.tar\" ]; then " + Extract + " -f \"$s/hidden.tar\" -C /repo >\"$s/err\" 2>&1 || fail hidden; fi; " +
        "rm -rf \"$s\"; exec sh -c " + Quote(testCommand);

    /// <summary>The exit code of <see cref="Score"/> when a step before the tests failed.</summary>
    public const int StepFailedExit = 97;

    /// <summary>Single-quotes <paramref name="s"/> for sh.</summary>
    public static string Quote(string s) => "'" + s.Replace("'", "'\\''", StringComparison.Ordinal) + "'";
}
