"""Finder stage (placeholder until implemented)."""

from __future__ import annotations


def find(ctx) -> list:
    return []
