namespace Evolver.Sandbox;

/// <summary>
/// The shell the harness runs inside its containers. A docker exec costs 60-120 ms of engine and runtime work, so
/// the harness's own steps are done by each container's main process, which answers on its attached stdin, and the
/// only exec on a task's path is the agent's.
/// </summary>
internal static class ContainerScripts
{
    /// <summary>
    /// Root's private folder (a mode 0700 tmpfs the agent user can neither read nor write): the base snapshot and the
    /// collect step's output.
    /// </summary>
    public const string Private = "/evolver-harness";

    /// <summary>The base snapshot's git dir.</summary>
    private const string BaseGit = Private + "/base.git";

    /// <summary>Where the collect step leaves the diff, the report and their errors before it sends them as records.</summary>
    private const string Out = Private + "/collect";

    /// <summary>Extract flags for every copy-in: owned by the extracting user, modes through its umask, mtimes now.</summary>
    private const string Extract = "tar -x --no-same-owner --no-same-permissions -m";

    private const string Git = "git -c safe.directory='*' -c user.name=evolver -c user.email=evolver@localhost -c core.quotepath=off";

    /// <summary>
    /// Shell functions of both main processes: <c>rec NAME FILE</c> writes one record (see <see cref="MainRecords"/>)
    /// to stderr, <c>end</c> the last one.
    /// </summary>
    private const string Records =
        @"rec() { printf '%s %s %s\n' ""$nonce"" ""$1"" ""$(wc -c < ""$2"")"" >&2; cat ""$2"" >&2; }; end() { printf '%s end 0\n' ""$nonce"" >&2; }; ";

    /// <summary>
    /// The agent's own exec, as the agent user: the tar on stdin (the repository under <c>repo/</c> with its git
    /// directory at the base commit, the agent's build under <c>opt/agent/</c>, its input and the gold patch under
    /// <c>evolver/</c>) is extracted at /, and the shell is replaced by <paramref name="agentCommand"/>, so /repo is an
    /// ordinary git repository at the base commit, as SWE-bench agents expect. A failed set-up prints
    /// <paramref name="nonce"/> and <c>setup</c> on the first line, then its error, and exits
    /// <see cref="StepFailedExit"/>; the agent never learns the nonce, so it cannot forge that.
    /// </summary>
    public static string Solve(string nonce, IReadOnlyList<string> agentCommand) =>
        "fail() { echo \"" + nonce + " setup\"; cat \"$e\" 2>/dev/null; exit " + StepFailedExit + "; }; " +
        "e=$(mktemp) || fail; " + Extract + " -f - -C / 2>\"$e\" && cd /repo || fail; " +
        "rm -f \"$e\"; unset e; exec " + string.Join(' ', agentCommand.Select(Quote));

    /// <summary>
    /// The main process of a solve container, as root (with no capabilities); it never runs anything of the agent's.
    /// First frame on stdin (a decimal length line, then that many bytes): the base commit's git directory, made by the
    /// harness (<see cref="BaseSnapshots"/>), extracted into <see cref="Private"/> beside the agent, so the agent can
    /// neither forge nor hide its diff. Then the line <c>collect NONCE</c>, sent once the agent stopped, answered on
    /// stderr, which nothing of the agent's can write to, with one record <c>collect.tar</c> (one tar, so the step
    /// costs few processes) holding <c>agent.patch</c> (the binary diff of /repo against the snapshot, cut at
    /// <paramref name="patchLimit"/> + 1 bytes so an oversized diff shows), <c>diff.exit</c>, <c>diff.err.head</c>,
    /// <c>snapshot.exit</c>, <c>snapshot.err</c> and <c>report.json</c> (the agent's report, cut at
    /// <paramref name="reportLimit"/> + 1 bytes, read without following links or blocking on a pipe the agent may have
    /// left there). Then it waits until the container is removed.
    /// </summary>
    public static string SolveMain(long patchLimit, long reportLimit) =>
        Records + "read n || exit 0; mkdir " + Out + " || exit 1; " +
        "( set -e; mkdir " + BaseGit + "; head -c \"$n\" | " + Extract + " -f - -C " + BaseGit + " ) > " + Out + "/snapshot.err 2>&1; echo $? > " + Out + "/snapshot.exit; " +
        "read cmd nonce || exit 0; cd /repo || exit 1; export GIT_DIR=" + BaseGit + " GIT_WORK_TREE=/repo; " +
        "{ " + Git + " add -A && " + Git + " diff --cached --binary --no-color --no-ext-diff --no-renames HEAD; echo $? > " + Out + "/diff.exit; } " +
        "2> " + Out + "/diff.err | head -c " + (patchLimit + 1) + " > " + Out + "/agent.patch; " +
        "if [ -f " + Agents.Sdk.AgentPaths.Report + " ]; then dd if=" + Agents.Sdk.AgentPaths.Report + " iflag=nofollow,nonblock bs=" + (reportLimit + 1) +
        " count=1 of=" + Out + "/report.json 2>/dev/null; fi; " +
        "head -c 4096 " + Out + "/diff.err > " + Out + "/diff.err.head; rm " + Out + "/diff.err; " +
        "tar -c -f " + Private + "/collect.tar -C " + Out + " . && rec collect.tar " + Private + "/collect.tar; " +
        "end; read _";

    /// <summary>
    /// The main process of a scoring container, as the agent user. First frame on stdin: the clean repository's tar,
    /// extracted to /repo while the agent runs in its own container. Then the line <c>score NONCE N WANT</c> and N bytes
    /// of tar holding <c>command</c>, and <c>agent.patch</c> and <c>hidden.tar</c> when there are any: the patch is
    /// applied, the hidden tests are laid over the repository and the test command runs, its output on stdout. On
    /// stderr come records: <c>exit</c> (the test command's exit code), then <c>results</c> (a tar of the results
    /// folder) when WANT is <c>results</c>; a step before the tests that fails gives one record named <c>setup</c>,
    /// <c>apply</c> or <c>hidden</c> holding its error instead. The test command's stdin is /dev/null and its stderr
    /// goes to stdout, so nothing it prints can pass for a record.
    /// </summary>
    public static readonly string ScoreMain =
        Records + "s=$(mktemp -d) || exit 1; read n || exit 0; head -c \"$n\" | " + Extract + " -f - -C /repo > \"$s/copy.err\" 2>&1; echo $? > \"$s/copy.exit\"; " +
        "read cmd nonce n want || exit 0; fail() { rec \"$1\" \"$2\"; end; read _; exit 0; }; " +
        "mkdir \"$s/in\" && head -c \"$n\" | " + Extract + " -f - -C \"$s/in\" > \"$s/err\" 2>&1 || fail setup \"$s/err\"; " +
        "[ \"$(cat \"$s/copy.exit\")\" = 0 ] || fail setup \"$s/copy.err\"; cd /repo || fail setup \"$s/err\"; " +
        "if [ -s \"$s/in/agent.patch\" ]; then git apply --whitespace=nowarn \"$s/in/agent.patch\" > \"$s/err\" 2>&1 || fail apply \"$s/err\"; fi; " +
        "if [ -f \"$s/in/hidden.tar\" ]; then " + Extract + " -f \"$s/in/hidden.tar\" -C /repo > \"$s/err\" 2>&1 || fail hidden \"$s/err\"; fi; " +
        "sh -c \"$(cat \"$s/in/command\")\" < /dev/null 2>&1; code=$?; printf '%s exit %s\\n%s' \"$nonce\" \"${#code}\" \"$code\" >&2; " +
        "if [ \"$want\" = results ] && tar -c -f \"$s/results.tar\" -C " + ScorePhase.ResultsDir + " . 2>/dev/null; then rec results \"$s/results.tar\"; fi; " +
        "end; read _";

    /// <summary>The exit code of <see cref="Solve"/> when its set-up failed.</summary>
    public const int StepFailedExit = 97;

    /// <summary>Single-quotes <paramref name="s"/> for sh.</summary>
    public static string Quote(string s) => "'" + s.Replace("'", "'\\''", StringComparison.Ordinal) + "'";
}
