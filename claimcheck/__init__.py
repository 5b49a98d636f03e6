"""claimcheck: find, normalise and check quantitative, dated and officeholder claims in Hindi and Indian-English
news against curated reference tables.

>>> import claimcheck
>>> [(c.kind, c.region_code) for c in claimcheck.extract("उप्र में 90 से लेकर 96 लाख एमएसएमई यूनिट हैं", as_of="2024-08-30")]
[('quantity', 'IN-UP')]
"""

from claimcheck.api import check, check_paths, exit_status, extract, process, run, start
from claimcheck.errors import ClaimcheckError, DataError, InputError, UsageError
from claimcheck.model import __version__
from claimcheck.model import CheckedClaim, Claim, DocResult, Document, Evidence, Report, Verdict
from claimcheck.options import Options

__all__ = [
    "extract", "check", "check_paths", "exit_status", "process", "run", "start", "Options",
    "Claim", "CheckedClaim", "Document", "DocResult", "Evidence", "Report", "Verdict",
    "ClaimcheckError", "DataError", "InputError", "UsageError",
]
