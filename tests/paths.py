"""Where the tests find their material: the example article ships in ``examples/``; the third-party corpora and the
example's expected verdicts are read from ``../shared`` (or ``$CLAIMCHECK_SHARED``) and the tests needing them skip
with a reason when it is absent."""

from __future__ import annotations

import os
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
EXAMPLE = ROOT / "examples" / "amrit-vichar-2024-08-30-flipkart-odop.txt"
SHARED = Path(os.environ.get("CLAIMCHECK_SHARED") or ROOT.parent / "shared")
EXPECTED = SHARED / "examples" / (EXAMPLE.stem + ".expected.md")
