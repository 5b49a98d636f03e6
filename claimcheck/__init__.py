"""claimcheck: find, normalise and check quantitative, dated and officeholder claims in Hindi and Indian-English
news against curated reference tables.

>>> import claimcheck
>>> [(c.kind, c.region_code) for c in claimcheck.extract("उप्र में 90 से लेकर 96 लाख एमएसएमई यूनिट हैं", as_of="2024-08-30")]
[('quantity', 'IN-UP')]
"""

# Attributes are imported on first use (PEP 562): `claimcheck --help` and `--version` import this package too,
# and should not pay for the library behind it.
_HOME = {
    **dict.fromkeys(("check", "check_paths", "exit_status", "extract", "process", "run", "start"), "claimcheck.api"),
    **dict.fromkeys(("ClaimcheckError", "DataError", "InputError", "UsageError"), "claimcheck.errors"),
    **dict.fromkeys(("__version__", "CheckedClaim", "Claim", "DocResult", "Document", "Evidence", "Report",
                     "Verdict"), "claimcheck.model"),
    "Options": "claimcheck.options",
}


def __getattr__(name: str) -> object:
    home = _HOME.get(name)
    if home is None:
        raise AttributeError(f"module 'claimcheck' has no attribute {name!r}")
    import importlib

    value = getattr(importlib.import_module(home), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(_HOME))


__all__ = [
    "extract", "check", "check_paths", "exit_status", "process", "run", "start", "Options",
    "Claim", "CheckedClaim", "Document", "DocResult", "Evidence", "Report", "Verdict",
    "ClaimcheckError", "DataError", "InputError", "UsageError",
]
