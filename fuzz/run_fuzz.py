"""Long fuzz run of claimcheck.extract / claimcheck.check, outside the test suite.

    python fuzz/run_fuzz.py --seconds 600                  # hypothesis, structured news-like text (default)
    python fuzz/run_fuzz.py --engine atheris --seconds 600 # coverage-guided (atheris/libFuzzer) over claimcheck
    python fuzz/run_fuzz.py --target markup --seconds 300  # the HTML/Markdown reader on malformed markup

Properties checked for every input: extract and check raise nothing; every span satisfies
``text == doc[start:end]``; every claim serialises to JSON; and (every 5th input) the output is the same twice.
The markup target (hypothesis engine) feeds the HTML and Markdown reader malformed comments (``<!-->``), CDATA,
declarations, unclosed tags and entities; it checks that reading raises nothing and ends within ``--hang``, that
every extracted character has a (line, column) inside the source, and that suppressed spans lie inside the text.
A failure does not stop the run: each distinct crash (exception type + innermost claimcheck frame) is recorded
with the shortest input that triggers it, then suppressed so the search goes on for new ones. Inputs that take
longer than ``--slow`` seconds are recorded too. The summary is printed and written as JSON (``--out``, default
in /tmp; nothing is written into the repository).
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import signal
import sys
import time
import traceback
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(HERE.parent))


class InputTimeout(BaseException):
    """Raised by SIGALRM inside a claimcheck call that runs past ``--hang`` seconds (a hang is a finding too)."""


def _alarm(signum, frame):
    raise InputTimeout()


class Recorder:
    hang = 30.0

    def __init__(self, slow: float):
        self.inputs = 0
        self.chars = 0
        self.crashes: dict[str, dict] = {}
        self.slow: list[dict] = []
        self.slow_limit = slow

    def signature(self, e: BaseException) -> str:
        frames = traceback.extract_tb(e.__traceback__)
        inner = [f for f in frames if "/claimcheck/" in f.filename.replace(os.sep, "/")] or frames
        f = inner[-1]
        where = f.filename.split("/claimcheck/")[-1] if "/claimcheck/" in f.filename else Path(f.filename).name
        kind = f"Timeout (> {self.hang:g} s)" if isinstance(e, InputTimeout) else type(e).__name__
        return f"{kind} at claimcheck/{where}:{f.lineno} in {f.name}"

    def crash(self, e: BaseException, text: str, as_of, lang, op: str) -> str:
        sig = self.signature(e)
        old = self.crashes.get(sig)
        if old is None or len(text) < len(old["input"]):
            self.crashes[sig] = {
                "signature": sig, "op": op, "message": str(e)[:300], "input": text,
                "as_of": as_of.isoformat() if as_of else None, "lang": lang,
                "count": (old or {}).get("count", 0) + 1,
            }
        else:
            old["count"] += 1
        return sig

    def run_one(self, text: str, as_of, lang) -> str | None:
        """Check every property on one input; return the crash signature, or None."""
        from claimcheck.api import check, extract

        self.inputs += 1
        self.chars += len(text)
        t0 = time.perf_counter()
        op = "extract"
        signal.setitimer(signal.ITIMER_REAL, self.hang)
        try:
            claims = extract(text, as_of=as_of, lang=lang)
            _valid(claims, text)
            if self.inputs % 5 == 0:
                op = "extract (determinism)"
                assert claims == extract(text, as_of=as_of, lang=lang), "extract is not deterministic"
            op = "check"
            checked = check(text, as_of=as_of, lang=lang)
            _valid([c.claim for c in checked], text)
            for c in checked:
                json.dumps(c.to_dict(), ensure_ascii=False)
        except (Exception, InputTimeout) as e:  # noqa: BLE001 - every exception here is a finding
            signal.setitimer(signal.ITIMER_REAL, 0)
            return self.crash(e, text, as_of, lang, op)
        finally:
            signal.setitimer(signal.ITIMER_REAL, 0)
            took = time.perf_counter() - t0
            if took > self.slow_limit:
                self.slow.append({"seconds": round(took, 2), "chars": len(text), "input": text[:2000]})
        return None


    def run_markup(self, source: str, name: str) -> str | None:
        """Read ``source`` as the draft ``name`` (HTML or Markdown); return the crash signature, or None."""
        from claimcheck.read.markup import to_document

        self.inputs += 1
        self.chars += len(source)
        t0 = time.perf_counter()
        signal.setitimer(signal.ITIMER_REAL, self.hang)
        try:
            doc = to_document(source, doc_id=name)
            assert len(doc.positions) == len(doc.text), "one position per extracted character"
            lines = source.split("\n")  # the reader counts lines at "\n" only
            for line, col in doc.positions:
                assert 1 <= line <= len(lines) and 1 <= col <= len(lines[line - 1]) + 1, f"position {line}:{col}"
            for a, b in doc.ignored:
                assert 0 <= a < b <= len(doc.text), f"suppressed span {a}:{b}"
        except (Exception, InputTimeout) as e:  # noqa: BLE001 - every exception here is a finding
            signal.setitimer(signal.ITIMER_REAL, 0)
            return self.crash(e, source, None, name, "read " + name)
        finally:
            signal.setitimer(signal.ITIMER_REAL, 0)
            took = time.perf_counter() - t0
            if took > self.slow_limit:
                self.slow.append({"seconds": round(took, 2), "chars": len(source), "input": source[:2000]})
        return None


def _valid(claims, text: str) -> None:
    for c in claims:
        assert 0 <= c.start <= c.end <= len(text), f"span out of range: {c.kind} {c.start}:{c.end}"
        assert text[c.start:c.end] == c.text, f"span text mismatch: {c.kind} {c.start}:{c.end}"
        json.dumps(c.to_dict(), ensure_ascii=False)


def run_hypothesis(rec: Recorder, seconds: float, batch_examples: int) -> None:
    from hypothesis import HealthCheck, Phase, given, settings
    from hypothesis import strategies as st
    from strategies import any_text, as_of_dates, news_text

    known: set[str] = set()
    deadline = time.monotonic() + seconds
    texts = st.one_of(any_text(), news_text(max_tokens=300))

    @settings(max_examples=batch_examples, deadline=None, database=None, derandomize=False,
              suppress_health_check=list(HealthCheck), phases=[Phase.generate, Phase.shrink])
    @given(text=texts, as_of=as_of_dates(), lang=st.sampled_from([None, "hi", "en"]))
    def prop(text, as_of, lang):
        if time.monotonic() > deadline:
            return
        sig = rec.run_one(text, as_of, lang)
        if sig is not None and sig not in known:
            raise AssertionError(sig)

    rounds = 0
    while time.monotonic() < deadline:
        rounds += 1
        try:
            prop()
        except BaseException as e:  # noqa: BLE001 - a found (and shrunk) crash: remember it, search on
            if isinstance(e, KeyboardInterrupt):
                raise
            new = set(rec.crashes) - known
            if not new:  # hypothesis itself failed (e.g. flaky): report and stop
                print(f"fuzz: hypothesis stopped: {type(e).__name__}: {str(e)[:200]}", file=sys.stderr)
                break
            known |= new
            for sig in new:
                print(f"fuzz: new crash {sig}", file=sys.stderr)


def run_markup(rec: Recorder, seconds: float, batch_examples: int) -> None:
    """The HTML/Markdown reader on generated markup (same search loop as :func:`run_hypothesis`)."""
    from hypothesis import HealthCheck, Phase, given, settings
    from hypothesis import strategies as st
    from strategies import markup_text

    known: set[str] = set()
    deadline = time.monotonic() + seconds

    @settings(max_examples=batch_examples, deadline=None, database=None, derandomize=False,
              suppress_health_check=list(HealthCheck), phases=[Phase.generate, Phase.shrink])
    @given(source=st.one_of(markup_text(), markup_text(max_pieces=400)), name=st.sampled_from(["d.html", "d.md"]))
    def prop(source, name):
        if time.monotonic() > deadline:
            return
        sig = rec.run_markup(source, name)
        if sig is not None and sig not in known:
            raise AssertionError(sig)

    while time.monotonic() < deadline:
        try:
            prop()
        except BaseException as e:  # noqa: BLE001 - a found (and shrunk) crash: remember it, search on
            if isinstance(e, KeyboardInterrupt):
                raise
            new = set(rec.crashes) - known
            if not new:
                print(f"fuzz: hypothesis stopped: {type(e).__name__}: {str(e)[:200]}", file=sys.stderr)
                break
            known |= new
            for sig in new:
                print(f"fuzz: new crash {sig}", file=sys.stderr)


def run_atheris(rec: Recorder, seconds: float, finish) -> None:
    import atheris
    from strategies import vocabulary

    with atheris.instrument_imports(include=["claimcheck"]):
        import claimcheck.api  # noqa: F401
        import claimcheck.find.claims  # noqa: F401
        for name in ("numbers", "quantities", "dates", "officeholders", "names", "people", "reference", "verify",
                     "rankings", "stats"):
            try:
                __import__(f"claimcheck.{name}")
            except ImportError:
                pass
    vocab = vocabulary()
    base = dt.date(1800, 1, 1)

    def one(data: bytes) -> None:
        fdp = atheris.FuzzedDataProvider(data)
        as_of = base + dt.timedelta(days=fdp.ConsumeIntInRange(0, 146000)) if fdp.ConsumeBool() else None
        lang = [None, "hi", "en"][fdp.ConsumeIntInRange(0, 2)]
        parts = []
        for _ in range(fdp.ConsumeIntInRange(0, 80)):
            k = fdp.ConsumeIntInRange(0, 3)
            if k == 0:
                parts.append(vocab[fdp.ConsumeIntInRange(0, len(vocab) - 1)])
            elif k == 1:
                parts.append(str(fdp.ConsumeIntInRange(0, 10**13)))
            elif k == 2:
                parts.append(fdp.ConsumeUnicodeNoSurrogates(fdp.ConsumeIntInRange(0, 8)))
            else:
                seps = " ,.-।\n\u200d\u093c"
                parts.append(seps[fdp.ConsumeIntInRange(0, len(seps) - 1)])
        rec.run_one(" ".join(parts), as_of, lang)

    deadline = time.monotonic() + seconds

    def target(data: bytes) -> None:
        if time.monotonic() > deadline:
            # leave without libFuzzer's exit hook (it would report the exit as a crash and write an artifact)
            code = finish()
            sys.stdout.flush()
            os._exit(code)
        one(data)

    atheris.Setup([sys.argv[0], "-max_len=4096", "-rss_limit_mb=4096", "-artifact_prefix=/tmp/claimcheck-fuzz-"],
                  target)
    atheris.Fuzz()


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--engine", choices=["hypothesis", "atheris"], default="hypothesis")
    ap.add_argument("--target", choices=["claims", "markup"], default="claims",
                    help="claims: extract/check on text; markup: the HTML/Markdown reader")
    ap.add_argument("--seconds", type=float, default=300)
    ap.add_argument("--batch-examples", type=int, default=2000, help="hypothesis examples per round")
    ap.add_argument("--slow", type=float, default=2.0, help="record inputs slower than this (seconds)")
    ap.add_argument("--hang", type=float, default=30.0, help="abort and record an input after this many seconds")
    ap.add_argument("--out", default="/tmp/claimcheck-fuzz.json")
    args = ap.parse_args()
    rec = Recorder(args.slow)
    rec.hang = args.hang
    signal.signal(signal.SIGALRM, _alarm)
    signal.signal(signal.SIGTERM, lambda *_: (_ for _ in ()).throw(KeyboardInterrupt()))
    t0 = time.time()

    def finish() -> int:
        return report(rec, args, time.time() - t0)

    try:
        if args.target == "markup":
            run_markup(rec, args.seconds, args.batch_examples)
        elif args.engine == "atheris":
            run_atheris(rec, args.seconds, finish)
        else:
            run_hypothesis(rec, args.seconds, args.batch_examples)
    except KeyboardInterrupt:
        pass
    return finish()


def report(rec: Recorder, args, took: float) -> int:
    import claimcheck

    summary = {
        "engine": args.engine, "target": args.target, "seconds": round(took, 1), "inputs": rec.inputs, "chars": rec.chars,
        "crashes": list(rec.crashes.values()), "slow": rec.slow[:20], "version": claimcheck.__version__,
        "when": dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds"),
    }
    Path(args.out).write_text(json.dumps(summary, ensure_ascii=False, indent=1), encoding="utf-8")
    print(f"engine {args.engine}, target {args.target}: {rec.inputs} inputs ({rec.chars} chars) in {took:.0f} s; "
          f"{len(rec.crashes)} distinct crash(es); {len(rec.slow)} input(s) slower than {args.slow} s")
    for c in rec.crashes.values():
        print(f"  CRASH {c['signature']} [{c['op']}] x{c['count']}: {c['message'][:120]}")
        print(f"        minimal input ({len(c['input'])} chars, as_of={c['as_of']}, lang={c['lang']}): {c['input']!r}")
    for s in rec.slow[:5]:
        print(f"  SLOW {s['seconds']} s for {s['chars']} chars: {s['input'][:80]!r}")
    print(f"details: {args.out}")
    return 1 if rec.crashes else 0

if __name__ == "__main__":
    sys.exit(main())
