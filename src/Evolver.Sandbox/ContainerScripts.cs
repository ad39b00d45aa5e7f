namespace Evolver.Sandbox;

/// <summary>
/// The shell steps the harness runs inside its containers. Each docker exec costs several engine round trips, so
/// every step does as much as its user may do in one exec.
/// </summary>
internal static class ContainerScripts
{
    /// <summary>
    /// Root's private folder (a mode 0700 tmpfs the agent user can neither read nor write): the base snapshot and the
    /// collect step's output.
    /// </summary>
    public const string Private = "/evolver-harness";

    /// <summary>Where the collect step extracts the harness's copy of the repository to snapshot it; removed right after.</summary>
    private const string BaseTree = Private + "/base-tree";

    /// <summary>The base snapshot's git dir.</summary>
    private const string BaseGit = Private + "/base.git";

    /// <summary>Where the collect step leaves the diff, the report and their errors before it tars them to stdout.</summary>
    private const string Out = Private + "/collect";

    /// <summary>Extract flags for every copy-in: owned by the extracting user, modes through its umask, mtimes now.</summary>
    private const string Extract = "tar -x --no-same-owner --no-same-permissions -m";

    /// <summary>Build output and caches that never belong in an agent's diff.</summary>
    private const string Excludes = @"printf 'bin/\nobj/\n__pycache__/\n*.pyc\n.pytest_cache/\nTestResults/\n' > ""$GIT_DIR/info/exclude""";

    private const string Git = "git -c safe.directory='*' -c user.name=evolver -c user.email=evolver@localhost -c core.quotepath=off";

    /// <summary>As the agent user: the repository tar on stdin goes to /repo (the clean copy a scoring run starts from).</summary>
    public const string CopyRepo = Extract + " -f - -C /repo";

    /// <summary>
    /// The agent's own exec, as the agent user: the tar on stdin (the repository under <c>repo/</c>, the agent's build
    /// under <c>opt/agent/</c>, its input and the gold patch under <c>evolver/</c>) is extracted at /, /repo becomes an
    /// ordinary git repository at the base commit, as SWE-bench agents expect, and the shell is replaced by
    /// <paramref name="agentCommand"/>. Setting up inside the agent's exec saves two docker execs (60-120 ms each) on
    /// every task's critical path. A failed set-up prints <paramref name="nonce"/> and <c>setup</c> on the first line,
    /// then its error, and exits <see cref="StepFailedExit"/>; the agent never learns the nonce, so it cannot forge that.
    /// </summary>
    public static string Solve(string nonce, IReadOnlyList<string> agentCommand) =>
        "fail() { echo \"" + nonce + " setup\"; cat \"$e\" 2>/dev/null; exit " + StepFailedExit + "; }; " +
        "e=$(mktemp) || fail; " + Extract + " -f - -C / 2>\"$e\" && cd /repo && git init -q 2>\"$e\" && GIT_DIR=/repo/.git && " + Excludes + " && " +
        Git + " add -A 2>\"$e\" && " + Git + " commit -q --allow-empty --no-verify -m base >/dev/null 2>\"$e\" || fail; " +
        "rm -f \"$e\"; unset GIT_DIR e; exec " + string.Join(' ', agentCommand.Select(Quote));

    /// <summary>
    /// As root, while the agent runs: the harness's own tar of the repository on stdin is snapshotted into a git dir in
    /// <see cref="Private"/>, a folder the agent user can neither read nor write, so the agent can neither forge nor hide
    /// its diff. The snapshot never comes from anything the agent user wrote; running it beside the agent keeps it off
    /// the task's critical path.
    /// </summary>
    public static readonly string Snapshot =
        "set -e; mkdir " + BaseTree + "; " + Extract + " -f - -C " + BaseTree + "; export GIT_DIR=" + BaseGit + " GIT_WORK_TREE=" + BaseTree + "; git init -q; " +
        Excludes + "; " + Git + " add -A; " + Git + " commit -q --allow-empty --no-verify -m base; rm -rf " + BaseTree;

    /// <summary>
    /// As root, after the agent stopped and <see cref="Snapshot"/> finished: a tar on stdout holding <c>agent.patch</c>
    /// (the binary diff of /repo against the snapshot, cut at <paramref name="patchLimit"/> + 1 bytes so an oversized
    /// diff shows), <c>diff.exit</c>, <c>diff.err</c> and <c>report.json</c> (the agent's report, cut at
    /// <paramref name="reportLimit"/> + 1 bytes, read without following links or blocking on a pipe the agent may have
    /// left there).
    /// </summary>
    public static string Collect(long patchLimit, long reportLimit) =>
        "mkdir -p " + Out + " && cd /repo || exit 1; export GIT_DIR=" + BaseGit + " GIT_WORK_TREE=/repo; " +
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
