/// <summary>
/// A Python driver that tries a batch of candidate files in one process: pytest is imported once, and each candidate
/// is tested in a forked child, which sees the candidate's code fresh because the repository's modules are never
/// imported in the parent. Forking costs milliseconds where a new interpreter costs most of a second.
/// </summary>
internal static class BatchDriver
{
    /// <summary>The driver's source. Arguments: the batch JSON, the seconds it may take, then <c>--</c>, the quick pytest
    /// arguments, <c>--</c>, and the full pytest arguments. Prints <c>{"tried": n, "passed": index or null}</c>.</summary>
    public const string Source = """
        import json, os, signal, sys, time

        import pytest

        try:
            import pytest_timeout  # noqa: F401  (imported once here rather than in every child)
        except ImportError:
            pass

        # "python3 -m pytest" puts the working directory on the path; a script puts its own folder there instead.
        sys.path[0] = os.getcwd()


        def run(args, limit):
            pid = os.fork()
            if pid == 0:
                devnull = os.open(os.devnull, os.O_WRONLY)
                os.dup2(devnull, 1)
                os.dup2(devnull, 2)
                try:
                    code = pytest.main(args)
                except BaseException:
                    code = 3
                os._exit(int(code))
            end = time.monotonic() + limit
            while True:
                done, status = os.waitpid(pid, os.WNOHANG)
                if done:
                    return os.waitstatus_to_exitcode(status)
                if time.monotonic() > end:
                    os.kill(pid, signal.SIGKILL)
                    os.waitpid(pid, 0)
                    return -1
                time.sleep(0.005)


        def main():
            batch_file, seconds = sys.argv[1], float(sys.argv[2])
            rest = sys.argv[3:]
            split = [i for i, a in enumerate(rest) if a == "--"]
            quick, full = rest[split[0] + 1:split[1]], rest[split[1] + 1:]
            deadline = time.monotonic() + seconds
            batch = json.load(open(batch_file))
            originals = {}
            tried, passed = 0, None
            for index, candidate in enumerate(batch):
                if time.monotonic() > deadline:
                    break
                path = candidate["file"]
                if path not in originals:
                    originals[path] = open(path).read()
                with open(path, "w") as out:
                    out.write(candidate["text"])
                tried += 1
                left = deadline - time.monotonic()
                ok = (not quick or run(quick, min(left, candidate["quick_seconds"])) == 0) and run(full, max(1, deadline - time.monotonic())) == 0
                with open(path, "w") as out:
                    out.write(originals[path])
                if ok:
                    passed = index
                    break
            print(json.dumps({"tried": tried, "passed": passed}))


        main()
        """;
}
