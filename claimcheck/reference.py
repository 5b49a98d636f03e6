"""Reference-data stage (placeholder until implemented)."""

from __future__ import annotations


def load_references(paths=()):
    return None
