"""Language knowledge lives in data files (``claimcheck/data/*.toml``); this module loads and validates them.

Each file maps canonical keys to lists of surface forms. Surface forms are folded (see :mod:`claimcheck.read.text`)
when loaded, so matchers can compare them with folded document text. A file is parsed once per process.
"""

from __future__ import annotations

import functools
import tomllib
from importlib import resources
from typing import Any

from claimcheck.errors import DataError


@functools.cache
def load(name: str) -> dict[str, Any]:
    """The parsed ``claimcheck/data/<name>.toml`` (read-only by convention: callers must not mutate it)."""
    try:
        raw = resources.files("claimcheck.data").joinpath(f"{name}.toml").read_text(encoding="utf-8")
    except FileNotFoundError as e:
        raise DataError(f"missing data file {name}.toml") from e
    try:
        return tomllib.loads(raw)
    except tomllib.TOMLDecodeError as e:
        raise DataError(f"data file {name}.toml is not valid TOML: {e}") from e


def alternation(words, *, fold_words: bool = True) -> str:
    """A regex alternation of ``words`` (folded), longest first so the longest surface form wins."""
    from claimcheck.read.text import fold_string

    import regex

    forms = {fold_string(w) if fold_words else w for w in words if w}
    return "|".join(regex.escape(w) for w in sorted(forms, key=lambda w: (-len(w), w)))


def trie(words) -> str:
    """A regex matching any of ``words`` (used as given: fold them first), as an alternation factored by common
    prefixes (a character trie); ``(?!)`` (matches nothing) when there are no words.

    Same language as :func:`alternation`, but the regex engine walks shared prefixes once: scanning a text for
    hundreds of words costs a fraction of the flat alternation. ``trie(["ab", "abc", "ad"])`` is
    ``a(?:b(?:c)?|d)``.
    """
    import regex

    root: dict = {}
    for w in words:
        if not w:
            continue
        node = root
        for ch in w:
            node = node.setdefault(ch, {})
        node[""] = {}

    def emit(node: dict) -> str:
        parts = [regex.escape(ch) + emit(sub) for ch, sub in sorted(node.items()) if ch]
        if not parts:
            return ""
        body = parts[0] if len(parts) == 1 else "(?:" + "|".join(parts) + ")"
        return f"(?:{body})?" if "" in node else body

    return emit(root) or "(?!)"
