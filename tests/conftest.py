"""Shared pytest options: ``--update-golden`` rewrites the golden outputs under tests/golden for a reviewed diff."""


def pytest_addoption(parser):
    parser.addoption("--update-golden", action="store_true", default=False,
                     help="rewrite tests/golden/*.expected.jsonl from the current output (review the diff)")


def pytest_configure(config):
    """Keep the compiled-pattern cache (claimcheck.cache) of this session in a temporary directory.

    The CLI runs that tests start inherit it, so they exercise reading the cache while the user's own cache
    directory is left alone. A cache directory given in the environment is kept.
    """
    import os
    import tempfile

    if "CLAIMCHECK_CACHE_DIR" not in os.environ:
        os.environ["CLAIMCHECK_CACHE_DIR"] = tempfile.mkdtemp(prefix="claimcheck-test-cache-")
