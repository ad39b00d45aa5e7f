/// <summary>
/// A pytest plugin, written to scratch space and loaded with <c>-p</c>, that records which lines of the repository's
/// non-test Python files each test executes and how the test ended. That is the spectrum for fault localisation.
/// </summary>
internal static class TracerPlugin
{
    /// <summary>The module name to pass to <c>pytest -p</c>.</summary>
    public const string Module = "evolver_repair_trace";

    /// <summary>The environment variable that names the JSON file the plugin writes.</summary>
    public const string OutputVariable = "EVOLVER_REPAIR_TRACE";

    /// <summary>The plugin's source.</summary>
    public const string Source = """
        import json
        import os
        import sys

        import pytest

        _ROOT = os.path.realpath(os.getcwd())
        _OUT = os.environ.get("EVOLVER_REPAIR_TRACE", "evolver_repair_trace.json")
        _results = {}
        _files = {}
        _current = None


        def _relative_source(filename):
            if filename in _files:
                return _files[filename]
            rel = None
            real = os.path.realpath(filename)
            if real.startswith(_ROOT + os.sep) and real.endswith(".py"):
                candidate = os.path.relpath(real, _ROOT).replace(os.sep, "/")
                name = candidate.rsplit("/", 1)[-1]
                folders = candidate.split("/")[:-1]
                is_test = (name.startswith("test_") or name.endswith("_test.py") or name == "conftest.py"
                           or any("test" in folder.lower() for folder in folders))
                if not is_test:
                    rel = candidate
            _files[filename] = rel
            return rel


        def _tracer(frame, event, arg):
            rel = _relative_source(frame.f_code.co_filename)
            if rel is None:
                return None
            if event == "line" and _current is not None:
                _current.add(rel + ":" + str(frame.f_lineno))
            return _tracer


        @pytest.hookimpl(hookwrapper=True)
        def pytest_runtest_call(item):
            global _current
            _current = set()
            sys.settrace(_tracer)
            try:
                yield
            finally:
                sys.settrace(None)
                _results.setdefault(item.nodeid, {})["lines"] = sorted(_current)
                _current = None


        def pytest_runtest_logreport(report):
            entry = _results.setdefault(report.nodeid, {})
            entry.setdefault("lines", [])
            if report.failed:
                entry["outcome"] = "failed"
            elif report.when == "call" and entry.get("outcome") != "failed":
                entry["outcome"] = report.outcome


        def pytest_sessionfinish(session, exitstatus):
            with open(_OUT, "w") as out:
                json.dump(_results, out)
        """;
}
