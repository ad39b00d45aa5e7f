/// <summary>
/// A Python driver that tries a batch of candidate files in one process: pytest is imported once, and each candidate
/// is tested in a forked child, which sees the candidate's code fresh because the repository's modules are never
/// imported in the parent. Forking costs milliseconds where a new interpreter costs most of a second. It also checks
/// the problem statement's examples (doctest style) against the repository's modules.
/// </summary>
internal static class BatchDriver
{
    /// <summary>
    /// The driver's source. <c>driver.py check EXAMPLES</c> prints the indices of the examples that can be evaluated
    /// (their names resolve) on the repository as it is. <c>driver.py search BATCH SECONDS EXAMPLES -- QUICK... -- FULL...</c>
    /// tries the batch in order and prints <c>{"tried": n, "passed": i or null, "plausible": j or null, "profile": ...}</c>:
    /// the first candidate passing the tests and the examples, the first passing the tests only, and per kind of check
    /// (<c>quick</c>, <c>full</c>) <c>[seconds, uses, expired, expired_seconds]</c> for the agent's time profile.
    /// </summary>
    public const string Source = """
        import ast, doctest, importlib, json, os, signal, sys, time

        import pytest

        try:
            import pytest_timeout  # noqa: F401  (imported once here rather than in every child)
        except ImportError:
            pass

        # "python3 -m pytest" puts the working directory on the path; a script puts its own folder there instead.
        sys.path[0] = os.getcwd()
        FLAGS = doctest.NORMALIZE_WHITESPACE | doctest.ELLIPSIS


        def in_child(work, limit):
            pid = os.fork()
            if pid == 0:
                devnull = os.open(os.devnull, os.O_WRONLY)
                os.dup2(devnull, 1)
                os.dup2(devnull, 2)
                try:
                    code = work()
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


        def timed(work, limit, per_test, figures, kill_expires):
            # figures: [seconds, uses, expired, expired_seconds] under one time knob. A check that lasted its per-test
            # limit had a test stopped there (it stops at the first failure); a kill at the cap is an expiry too when
            # the cap comes from the knob.
            start = time.monotonic()
            code = in_child(work, limit)
            spent = time.monotonic() - start
            figures[0] += spent
            figures[1] += 1
            if code == -1 and kill_expires:
                figures[2] += 1
                figures[3] += spent
            elif per_test > 0 and spent >= per_test:
                figures[2] += 1
                figures[3] += per_test
            return code


        def module_globals(modules):
            names = {}
            for module in modules:
                names.update({k: v for k, v in vars(importlib.import_module(module)).items() if not k.startswith("_")})
            return names


        def example_holds(example, names):
            # A literal expected value is compared as a value, so "[1,5]" matches [1, 5]; anything else as doctest text.
            try:
                expected = ast.literal_eval(example["want"].strip())
            except (ValueError, SyntaxError):
                test = doctest.DocTest([doctest.Example(example["source"], example["want"])], dict(names), "example", None, 0, None)
                return not doctest.DocTestRunner(optionflags=FLAGS).run(test, out=lambda text: None).failed
            try:
                return eval(compile(example["source"], "<example>", "eval"), dict(names)) == expected
            except Exception:
                return False


        def examples_pass(spec):
            names = module_globals(spec["modules"])
            return 0 if all(example_holds(e, names) for e in spec["examples"]) else 1


        def example_resolves(spec, example):
            names = module_globals(spec["modules"])
            try:
                eval(compile(example["source"], "<example>", "eval"), names)
            except (NameError, ImportError, SyntaxError, AttributeError):
                return 1
            except BaseException:
                pass
            return 0


        def check(spec_file):
            spec = json.load(open(spec_file))
            usable = [i for i, e in enumerate(spec["examples"]) if in_child(lambda: example_resolves(spec, e), 10) in (0, -1)]
            print(json.dumps(usable))


        def search(batch_file, seconds, spec_file, rest):
            split = [i for i, a in enumerate(rest) if a == "--"]
            quick, full = rest[split[0] + 1:split[1]], rest[split[1] + 1:]
            spec = json.load(open(spec_file)) if spec_file != "-" else {"examples": []}
            deadline = time.monotonic() + seconds
            batch = json.load(open(batch_file))
            originals = {}
            tried, passed, plausible = 0, None, None
            profile = {"quick": [0.0, 0, 0, 0.0], "full": [0.0, 0, 0, 0.0]}
            for index, candidate in enumerate(batch):
                if time.monotonic() > deadline:
                    break
                path = candidate["file"]
                if path not in originals:
                    originals[path] = open(path).read()
                with open(path, "w") as out:
                    out.write(candidate["text"])
                tried += 1
                quick_ok = not quick or timed(lambda: pytest.main(quick), min(deadline - time.monotonic(), candidate["quick_seconds"]),
                                              candidate.get("quick_test_seconds", 0), profile["quick"], True) == 0
                tests_ok = quick_ok and timed(lambda: pytest.main(full), max(1, deadline - time.monotonic()),
                                              candidate.get("full_test_seconds", 0), profile["full"], False) == 0
                examples_ok = tests_ok and (not spec["examples"] or in_child(lambda: examples_pass(spec), 20) == 0)
                with open(path, "w") as out:
                    out.write(originals[path])
                if tests_ok and plausible is None:
                    plausible = index
                if examples_ok:
                    passed = index
                    break
            print(json.dumps({"tried": tried, "passed": passed, "plausible": plausible, "profile": profile}))


        if sys.argv[1] == "check":
            check(sys.argv[2])
        else:
            search(sys.argv[2], float(sys.argv[3]), sys.argv[4], sys.argv[5:])
        """;
}
