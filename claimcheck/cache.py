"""How claimcheck compiles its patterns: in this process, on first use. Nothing is kept between runs.

claimcheck used to keep compiled patterns and built lexicons and tables in the user's cache directory, as
pickles. Reading code and compiled programs back from disk is unsafe (a crafted file ran code; one changed byte
silently dropped claims; a malformed program crashed the interpreter), so it was removed. A plain-data cache of the
parsed lexicons (JSON, keyed on a hash of the data files) was measured next: it saved about 1 % of a one-article
run, under the 5 % a piece of machinery must buy to stay (benchmarks/README.md), and was removed too. claimcheck
reads nothing from, and writes nothing to, a cache directory.

- :func:`compile` is ``regex.compile``, imported on first use so that importing this module costs nothing.
- :class:`LazyPatterns` compiles a finder's rarer patterns only when a text needs them.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import regex


def compile(pattern: str, flags: int = 0) -> regex.Pattern:
    """``regex.compile(pattern, flags)``."""
    import regex

    return regex.compile(pattern, flags)


class LazyPatterns(dict):
    """Patterns by name, each compiled when first used: ``sources`` maps every name to its (pattern, flags). For a
    finder's rarer patterns, which most texts never need; once compiled, a pattern is an ordinary dict entry."""

    def __init__(self, sources: dict[str, tuple[str, int]]) -> None:
        super().__init__()
        self.sources = sources

    def __missing__(self, name: str) -> regex.Pattern:
        p = self[name] = compile(*self.sources[name])
        return p
