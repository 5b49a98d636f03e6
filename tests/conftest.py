"""Shared pytest options: ``--update-golden`` rewrites the golden outputs under tests/golden for a reviewed diff."""


def pytest_addoption(parser):
    parser.addoption("--update-golden", action="store_true", default=False,
                     help="rewrite tests/golden/*.expected.jsonl from the current output (review the diff)")

