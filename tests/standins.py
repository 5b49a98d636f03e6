"""Stand-ins for the library in the CLI's tests."""

from __future__ import annotations


def fake_run(results, calls: list | None = None):
    """An ``api.run`` stand-in that yields ``results`` as the real one does: each through the ``then`` step the run
    hands it. ``calls`` (if given) records the keyword arguments of every call (``options``, ``then``)."""

    def run(paths, **kw):
        if calls is not None:
            calls.append(kw)
        then = kw.get("then")
        return iter([r if then is None else then(r) for r in results])

    return run
