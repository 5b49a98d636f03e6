"""``html``: one self-contained page an editor reads before sign-off.

The article text with every claim highlighted by verdict; hovering, tapping or tabbing to a claim shows its
message, evidence, source link, date and difference (pure CSS: the page has no script at all). A summary at the
top gives counts by verdict and what gates. Narrow screens get a bottom sheet instead of a hover card.

Safety: every string from an article or from reference data goes through :func:`html.escape` (text and
attributes); source links are emitted only for absolute http(s) URLs; a Content-Security-Policy forbids scripts,
network loads, forms and frames, so even a rendering mistake could not run code or fetch anything.
"""

from __future__ import annotations

from html import escape

from claimcheck.report.render import Options
from claimcheck.report.render import Tally
from claimcheck.report.render import display_path
from claimcheck.report.render import domain
from claimcheck.report.render import error_text, error_where
from claimcheck.report.render import fmt_difference
from claimcheck.report.render import message_without_sources
from claimcheck.report.render import one_line
from claimcheck.report.render import period_words
from claimcheck.report.render import dates_in_words
from claimcheck.report.render import safe_url
from claimcheck.report import gate
from claimcheck.model import VERDICTS, CheckedClaim, DocResult, Evidence

CSP = ("default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'; "
       "frame-ancestors 'none'")
LABEL = {"supported": "supported", "contradicted": "contradicted", "outdated": "outdated",
         "unverifiable": "unverifiable", "ambiguous": "ambiguous"}

CSS = """
:root{--ok:#d9f2df;--okb:#1e7a3a;--bad:#fde0e0;--badb:#b3261e;--old:#fff0cc;--oldb:#9a6400;--unk:#eceff1;
--unkb:#607d8b;--amb:#efe3fb;--ambb:#6a3d9a;--fg:#1b1b1b;--muted:#5f6368}
*{box-sizing:border-box}
body{margin:0;font:16px/1.6 system-ui,-apple-system,"Segoe UI","Noto Sans","Noto Sans Devanagari",sans-serif;
color:var(--fg);background:#fafafa}
header,main{max-width:52rem;margin:0 auto;padding:1rem}
header{background:#fff;border-bottom:1px solid #ddd}
h1{font-size:1.3rem;margin:.2rem 0}
h2{font-size:1.05rem;margin:1.2rem 0 .4rem;word-break:break-all}
.meta{color:var(--muted);margin:.2rem 0}
.counts{display:flex;flex-wrap:wrap;gap:.4rem;list-style:none;padding:0;margin:.6rem 0}
.counts li{padding:.15rem .6rem;border-radius:1rem;border:1px solid;font-size:.9rem}
.counts b{font-size:1rem}
.gate{font-weight:600;padding:.5rem .7rem;border-radius:.4rem;margin:.5rem 0}
.gate-fail{background:var(--bad);color:var(--badb)}
.gate-ok{background:var(--ok);color:var(--okb)}
.failed{color:var(--badb)}
.article{background:#fff;border:1px solid #e0e0e0;border-radius:.4rem;padding:1rem;white-space:pre-wrap;
overflow-wrap:anywhere}
.claim{position:relative;border-radius:.2rem;padding:0 .1rem;cursor:pointer;border-bottom:2px solid;outline:none}
.claim:focus{box-shadow:0 0 0 2px #1a73e8}
.v-supported{background:var(--ok);border-color:var(--okb)}
.v-contradicted{background:var(--bad);border-color:var(--badb)}
.v-outdated{background:var(--old);border-color:var(--oldb)}
.v-unverifiable{background:var(--unk);border-color:var(--unkb);border-bottom-style:dashed}
.v-ambiguous{background:var(--amb);border-color:var(--ambb);border-bottom-style:dotted}
.counts .v-supported{color:var(--okb)}.counts .v-contradicted{color:var(--badb)}.counts .v-outdated{color:var(--oldb)}
.counts .v-unverifiable{color:var(--unkb)}.counts .v-ambiguous{color:var(--ambb)}
.claim.gates{border-bottom-width:3px;font-weight:600}
.claim.suppressed{opacity:.6}
.pop{display:none;position:absolute;z-index:10;left:0;top:1.7em;width:min(24rem,80vw);background:#fff;color:var(--fg);
border:1px solid #bbb;border-radius:.4rem;box-shadow:0 4px 16px rgba(0,0,0,.18);padding:.6rem .8rem;
white-space:normal;font-weight:400;font-size:.92rem;line-height:1.45;cursor:auto}
.claim:hover>.pop,.claim:focus>.pop,.claim:focus-within>.pop,.claim:target>.pop{display:block}
.claim:target{box-shadow:0 0 0 2px #1a73e8}
.pop .verdict{font-weight:700;text-transform:uppercase;font-size:.8rem;letter-spacing:.03em}
.pop ul{margin:.3rem 0 0;padding-left:1.1rem}
.pop a,.findings a{color:#1a56db;overflow-wrap:anywhere}
.findings{padding-left:1.3rem}
.findings li{margin:.3rem 0;overflow-wrap:anywhere}
.findings .where{font-family:ui-monospace,monospace;font-size:.85rem;margin-right:.3rem}
.tag{display:inline-block;font-size:.78rem;font-weight:700;border-radius:.3rem;padding:0 .35rem;margin-right:.3rem}
@media (max-width:40rem){
body{font-size:17px}
.pop{position:fixed;left:0;right:0;top:auto;bottom:0;width:auto;max-height:55vh;overflow:auto;border-radius:.8rem .8rem 0 0;
padding:1rem 1.1rem 1.4rem}
}
"""


def _e(s: object) -> str:
    return escape("" if s is None else str(s), quote=True)


def _evidence(e: Evidence) -> str:
    summary = dates_in_words(e.summary)
    bits = [_e(summary)]
    if e.value is not None and str(e.value) not in e.summary:
        bits.append(f"reference: {_e(e.value)}{(' ' + _e(e.unit)) if e.unit else ''}")
    if e.basis and e.basis not in e.summary:
        bits.append(f"basis: {_e(e.basis)}")
    when = e.period or e.as_of
    if when and (period_words(when) or "") not in summary:
        bits.append(f"date: {_e(period_words(when))}")
    diff = fmt_difference(e.difference)
    if diff:
        bits.append(f"difference: {_e(diff)}")
    if e.source or e.source_url:
        # a link whose text is the site's name: the full URL is its target (and its title), never the text
        site = domain(e.source_url)
        source = _e(e.source) if e.source else ""
        if site:
            link = (f'<a href="{_e(safe_url(e.source_url))}" title="{_e(safe_url(e.source_url))}" '
                    f'rel="noopener noreferrer nofollow" target="_blank">{_e(site)}</a>')
            bits.append("source: " + (f"{source} ({link})" if source and source != site else link))
        else:
            bits.append("source: " + (source or _e(one_line(e.source_url)))
                        + (" (link withheld: not http/https)" if e.source_url else ""))
    return "<li>" + "; ".join(bits) + "</li>"


def _popover(cc: CheckedClaim, gates: bool) -> str:
    v = cc.verdict
    head = f'<span class="verdict">{_e(LABEL.get(v.outcome, v.outcome))}</span> · {_e(cc.claim.kind)}'
    if gates:
        head += " · <strong>gates publication</strong>"
    parts = [head, f"<div>{_e(dates_in_words(message_without_sources(cc)))}</div>"]
    if v.evidence:
        parts.append("<ul>" + "".join(_evidence(e) for e in v.evidence) + "</ul>")
    if v.as_of:
        parts.append(f'<div class="meta">checked as of {_e(v.as_of)}</div>')
    if cc.suppressed:
        parts.append(f'<div class="meta">suppressed: {_e(cc.suppressed)}</div>')
    if cc.claim.outside_body:
        parts.append('<div class="meta">outside the article body (teaser of another article): does not gate</div>')
    return f'<span class="pop" role="tooltip">{"".join(parts)}</span>'


def _classes(cc: CheckedClaim, gates: bool) -> str:
    cls = ["claim", f"v-{cc.verdict.outcome if cc.verdict.outcome in VERDICTS else 'unverifiable'}"]
    if gates:
        cls.append("gates")
    if cc.suppressed or cc.claim.outside_body:
        cls.append("suppressed")
    return " ".join(cls)


def _article(r: DocResult, anchors: list[str], fail_on: tuple[str, ...]) -> str:
    text = r.text or ""
    out: list[str] = []
    cursor = 0
    for cc, anchor in sorted(zip(r.checked, anchors), key=lambda p: (p[0].claim.start, p[0].claim.end)):
        c = cc.claim
        if c.start < cursor or c.end > len(text) or c.end <= c.start:
            continue  # overlapping or out of range: listed below the article only
        g = gate.gates(cc, fail_on)
        out.append(_e(text[cursor:c.start]))
        out.append(f'<mark class="{_classes(cc, g)}" tabindex="0" id="{anchor}" data-verdict="{_e(cc.verdict.outcome)}"'
                   f' aria-label="{_e(cc.verdict.outcome)}">{_e(text[c.start:c.end])}{_popover(cc, g)}</mark>')
        cursor = c.end
    out.append(_e(text[cursor:]))
    return f'<div class="article" lang="{_e(_lang(text))}">{"".join(out)}</div>'


def _lang(text: str) -> str:
    """'hi' when Devanagari letters outnumber Latin ones (for fonts and screen readers), else 'en'."""
    sample = text[:5000]
    dev = sum(1 for ch in sample if "\u0900" <= ch <= "\u097f")
    lat = sum(1 for ch in sample if ch.isascii() and ch.isalpha())
    return "hi" if dev > lat else "en"


def _findings(r: DocResult, anchors: list[str], fail_on: tuple[str, ...]) -> str:
    items = []
    for cc, anchor in zip(r.checked, anchors):
        if cc.verdict.outcome == "supported":
            continue
        c = cc.claim
        g = gate.gates(cc, fail_on)
        note = " — gates" if g else (f" — suppressed: {_e(cc.suppressed)}" if cc.suppressed else "")
        items.append(f'<li><span class="tag {_classes(cc, g).replace("claim ", "")}">{_e(cc.verdict.outcome)}</span>'
                     f'<a href="#{anchor}">{c.line or 1}:{c.col or 1}</a> “{_e(c.text)}” — '
                     f'{_e(dates_in_words(message_without_sources(cc)))}'
                     f"{note}</li>")
    if not items:
        return ""
    return f'<details open><summary>Findings other than supported ({len(items)})</summary>' \
           f'<ol class="findings">{"".join(items)}</ol></details>'


def _doc_index(tally: Tally, options: Options) -> str:
    """For a batch: each document (the first :attr:`Tally.INDEX`) with its number of claims and of findings that
    gate, linked to its section."""
    items = []
    for i, r, n, g in tally.index:
        title = _e(_doc_title(r, options))
        if r.error:
            items.append(f'<li><a href="#doc-{i}">{title}</a> — could not be checked</li>')
            continue
        note = f"<strong>{g} gate(s)</strong>" if g else "nothing gates"
        items.append(f'<li><a href="#doc-{i}">{title}</a> — {n} claim(s), {note}</li>')
    more = tally.documents - len(tally.index)
    tail = f"<li>… and {more} more documents</li>" if more > 0 else ""
    return f'<details><summary>Documents ({tally.documents})</summary><ol id="documents-index">' \
           f'{"".join(items)}{tail}</ol></details>'


def _gating_list(tally: Tally, options: Options) -> str:
    """Links from the summary to each finding that gates (the first :attr:`Tally.GATING`), each naming its
    document."""
    items = []
    for i, j, r, cc in tally.gating:
        c = cc.claim
        where = f"{_doc_title(r, options)}:{c.line or 1}:{c.col or 1}"
        items.append(f'<li><span class="tag v-{_e(cc.verdict.outcome)}">{_e(cc.verdict.outcome)}</span>'
                     f'<span class="where">{_e(where)}</span> '
                     f'<a href="#d{i}-c{j}">“{_e(c.text)}”</a> — '
                     f"{_e(dates_in_words(message_without_sources(cc)))}</li>")
    more = max(0, tally.counts["gating"] - len(items))
    tail = f"<li>… and {more} more</li>" if more else ""
    return f'<ol class="findings" id="gating">{"".join(items)}{tail}</ol>'


def _doc_title(r: DocResult, options: Options) -> str:
    return display_path(r, options) + (f" — {r.doc}" if r.path and r.doc != r.path else "")


# The page in three parts (claimcheck.report.render.Stream): the head (everything down to <main>, with the
# summary of the whole run), one <section> per document, the closing tags.


def head(tally: Tally, options: Options) -> str:
    c = tally.counts
    ok = c["documents"] - c["failed"]
    head = [
        "<!doctype html>",
        '<html lang="en"><head><meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f'<meta http-equiv="Content-Security-Policy" content="{CSP}">',
        '<meta name="referrer" content="no-referrer">',
        '<meta name="generator" content="claimcheck">',
        "<title>claimcheck report</title>",
        f"<style>{CSS}</style></head><body>",
    ]
    summ = ['<header id="summary"><h1>claimcheck report</h1>',
            f'<p class="meta" id="documents">{c["documents"]} document(s): {ok} checked, {c["failed"]} failed'
            + (f" · claims checked as of {_e(tally.as_of)}" if tally.as_of else "") + "</p>",
            '<ul class="counts" id="counts">']
    summ += [f'<li class="v-{v}" data-verdict="{v}"><b>{c[v]}</b> {v}</li>' for v in VERDICTS]
    summ.append(f'<li data-verdict="suppressed"><b>{c["suppressed"]}</b> suppressed</li></ul>')
    fail_on = ", ".join(tally.fail_on) or "nothing"
    if c["gating"]:
        summ.append(f'<p class="gate gate-fail" id="gate">{c["gating"]} finding(s) gate publication '
                    f"(fail on: {_e(fail_on)})</p>")
        summ.append(_gating_list(tally, options))
    else:
        summ.append(f'<p class="gate gate-ok" id="gate">Nothing gates publication (fail on: {_e(fail_on)})</p>')
    if tally.failed:
        summ.append('<ul class="failed" id="failed">' + "".join(
            f"<li>{_e(error_where(r))}: could not be checked: {_e(error_text(r))}</li>" for r in tally.failed)
            + "</ul>")
    if tally.documents > 1:
        summ.append(_doc_index(tally, options))
    summ.append('<p class="meta">Hover, tap or tab to a highlighted claim to see its evidence; a link above opens '
                "that finding's evidence.</p></header>")
    return "\n".join(head + summ + ["<main>"])


def document(r: DocResult, i: int, tally: Tally, options: Options) -> str:
    body = [f'<section class="doc" id="doc-{i}"><h2>{_e(_doc_title(r, options))}</h2>']
    if r.title:
        body.append(f'<p class="meta doc-title">{_e(r.title)}</p>')
    if r.error:
        body.append(f'<p class="failed">could not be checked: {_e(error_text(r))}</p></section>')
        return "\n" + "\n".join(body)
    anchors = [f"d{i}-c{j}" for j in range(1, len(r.checked) + 1)]
    if r.text is not None:
        body.append(_article(r, anchors, tally.fail_on))
    body.append(_findings(r, anchors, tally.fail_on))
    body.append("</section>")
    return "\n" + "\n".join(body)


def tail(tally: Tally, options: Options) -> str:
    return "\n</main></body></html>\n"
