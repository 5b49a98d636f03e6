"""HTML and Markdown drafts → :class:`Document`: the prose, the (line, col) of every character in the original file,
and the spans an editor switched off with suppression comments.

Suppression comments (in both formats)::

    <!-- claimcheck: ignore -->     the next block is not checked: a paragraph, a heading, one list item, a quote
                                     (HTML: up to the next block element or blank line)
    <!-- claimcheck off -->          everything up to <!-- claimcheck on --> (or the end) is not checked
    <!-- claimcheck on -->

HTML: tags are dropped, block elements become line breaks, ``script``/``style``/``template``/``noscript`` content is
skipped, entities are decoded (each decoded character maps to the entity's position). Markdown: line markers
(headings, quotes, list bullets and numbers), emphasis and code marks, link targets, inline HTML tags and fenced
code blocks are dropped. Front matter at the top of a Markdown draft (``---`` YAML-style ``key: value`` lines up to
``---`` or ``...``, or ``+++`` TOML-style ``key = value`` lines up to ``+++``) is not prose: its ``date`` becomes
the article date, its ``id`` the document id and its ``title`` the title, and none of it is checked as claims.
Both are single linear passes (``html.parser`` with no tag stack; line-wise scanning for
Markdown), so unclosed or deeply nested markup costs no more than ordinary text.

>>> d = to_document("<p>Revenue rose <b>12%</b></p>", doc_id="x.html", path="x.html")
>>> d.text.strip(), d.line_col(d.text.index("12"))
('Revenue rose 12%', (1, 20))
"""

from __future__ import annotations

import bisect
from collections.abc import Sequence
from dataclasses import replace
from html import unescape
from html.parser import HTMLParser

import regex

from claimcheck import cache
from claimcheck.model import Document

_DIRECTIVE = cache.compile(r"^\s*claimcheck\s*:?\s*(ignore|off|on)\s*$", regex.IGNORECASE)
_BLOCK = frozenset(
    "address article aside blockquote dd details dialog div dl dt fieldset figcaption figure footer form h1 h2 h3 "
    "h4 h5 h6 header hr li main nav ol p pre section summary table tbody td tfoot th thead tr ul title".split()
)
_SKIP = frozenset("script style template noscript svg math".split())
_BLANK_LINE = cache.compile(r"\n[ \t\r]*\n")


class _Builder:
    """Accumulates output characters with their source offsets, and suppression spans."""

    def __init__(self) -> None:
        self.parts: list[str] = []
        self.offsets: list[int] = []
        self.n = 0
        self.ignored: list[tuple[int, int]] = []
        self.off_start: int | None = None
        self.ignore_pending = False
        self.ignore_start: int | None = None
        self.last_break = True

    def add(self, s: str, src: int, *, contiguous: bool = True) -> None:
        """Append ``s``; char i came from source offset ``src + i`` (or ``src`` for all when not contiguous)."""
        if not s:
            return
        if self.ignore_pending and s.strip():
            self.ignore_pending = False
            self.ignore_start = self.n + (len(s) - len(s.lstrip()))
        self.parts.append(s)
        self.offsets.extend(range(src, src + len(s)) if contiguous else [src] * len(s))
        self.n += len(s)
        self.last_break = False

    def brk(self, src: int) -> None:
        """A paragraph/block boundary at source offset ``src``."""
        self.close_ignore()
        if not self.last_break:
            self.add("\n", src, contiguous=False)
            self.last_break = True

    def close_ignore(self) -> None:
        if self.ignore_start is not None:
            self.ignored.append((self.ignore_start, self.n))
            self.ignore_start = None

    def directive(self, body: str) -> None:
        m = _DIRECTIVE.match(body)
        if not m:
            return
        what = m.group(1).lower()
        if what == "ignore":
            self.close_ignore()
            self.ignore_pending = True
        elif what == "off" and self.off_start is None:
            self.off_start = self.n
        elif what == "on" and self.off_start is not None:
            self.ignored.append((self.off_start, self.n))
            self.off_start = None

    def finish(self, source: str, *, doc_id: str, path: str | None, lang: str | None) -> Document:
        self.close_ignore()
        if self.off_start is not None:
            self.ignored.append((self.off_start, self.n))
        starts = [0]
        i = source.find("\n")
        while i != -1:
            starts.append(i + 1)
            i = source.find("\n", i + 1)
        spans = tuple(sorted((a, b) for a, b in self.ignored if b > a))
        return Document(id=doc_id, text="".join(self.parts), lang=lang, path=path,
                        positions=LineCols(self.offsets, starts), ignored=spans)  # type: ignore[arg-type]


class LineCols(Sequence):
    """The (line, column) in the source file of every character of the extracted text, 1-based, each computed when
    asked for: a tuple of a million pairs cost a fifth of the time of reading a 1 MB draft, and a report asks for
    the positions of a few claims. Compares and hashes as the tuple of its pairs."""

    __slots__ = ("_offsets", "_starts")

    def __init__(self, offsets: list[int], line_starts: list[int]) -> None:
        self._offsets = offsets  # source offset of each extracted character
        self._starts = line_starts  # source offset of each line start

    def __len__(self) -> int:
        return len(self._offsets)

    def __getitem__(self, i):  # type: ignore[override]
        if isinstance(i, slice):
            return tuple(self[k] for k in range(*i.indices(len(self))))
        off = self._offsets[i]
        line = bisect.bisect_right(self._starts, off) - 1
        return line + 1, off - self._starts[line] + 1

    def __eq__(self, other) -> bool:
        if isinstance(other, (LineCols, tuple)):
            return len(self) == len(other) and all(a == b for a, b in zip(self, other))
        return NotImplemented

    def __hash__(self) -> int:
        return hash(tuple(self))

    def __repr__(self) -> str:
        return f"LineCols({len(self)} positions)"

    def __reduce__(self):
        return LineCols, (self._offsets, self._starts)


class _HTML(HTMLParser):
    def __init__(self, source: str, builder: _Builder) -> None:
        super().__init__(convert_charrefs=False)
        self.source = source
        self.b = builder
        self.skip = 0
        self.line_starts = [0]
        i = source.find("\n")
        while i != -1:
            self.line_starts.append(i + 1)
            i = source.find("\n", i + 1)

    def _pos(self) -> int:
        line, col = self.getpos()
        return self.line_starts[min(line - 1, len(self.line_starts) - 1)] + col

    def handle_starttag(self, tag: str, attrs) -> None:  # type: ignore[no-untyped-def]
        if tag in _SKIP:
            self.skip += 1
        elif tag == "br":  # a line break inside a paragraph, not the end of it
            if not self.skip:
                self.b.add("\n", self._pos(), contiguous=False)
        elif tag in _BLOCK:
            self.b.brk(self._pos())

    def handle_startendtag(self, tag: str, attrs) -> None:  # type: ignore[no-untyped-def]
        self.handle_starttag(tag, attrs)
        if tag in _SKIP:
            self.skip = max(0, self.skip - 1)

    def handle_endtag(self, tag: str) -> None:
        if tag in _SKIP:
            self.skip = max(0, self.skip - 1)
        elif tag in _BLOCK:
            self.b.brk(self._pos())

    def handle_data(self, data: str) -> None:
        if not self.skip:
            pos = self._pos()
            if _INERT in data:  # a defused "<": report the text as the file has it
                data = self.source[pos:pos + len(data)]
            start = 0
            if self.b.ignore_start is not None or self.b.ignore_pending:
                # a blank line in the source ends the block an ignore comment covers, as in Markdown (a CMS
                # fragment often separates its paragraphs so, with no <p>)
                for m in _BLANK_LINE.finditer(data):
                    self.b.add(data[start:m.end()], pos + start)
                    self.b.close_ignore()
                    start = m.end()
            self.b.add(data[start:], pos + start)

    def handle_entityref(self, name: str) -> None:
        if not self.skip:
            self.b.add(unescape(f"&{name};"), self._pos(), contiguous=False)

    def handle_charref(self, name: str) -> None:
        if not self.skip:
            self.b.add(unescape(f"&#{name};"), self._pos(), contiguous=False)

    def handle_comment(self, data: str) -> None:
        self.b.directive(data)

    def parse_marked_section(self, i: int, report: int = 1) -> int:
        """``<![`` with a keyword html.parser does not know ("<![x>", "<![>") raises AssertionError in CPython; a
        browser reads it as a bogus comment, so it is dropped up to its ">" (as "<!x>" is)."""
        try:
            return super().parse_marked_section(i, report)
        except AssertionError:
            j = self.rawdata.find(">", i + 3)
            return -1 if j == -1 else j + 1


def html_to_document(source: str, *, doc_id: str, path: str | None = None, lang: str | None = None) -> Document:
    b = _Builder()
    p = _HTML(source, b)
    p.feed(_defuse_unclosed(source))
    p.close()
    return b.finish(source, doc_id=doc_id, path=path, lang=lang)


_INERT = "\u2039"  # stands in for a "<" that opens no tag; text handlers read the original character back


def _defuse_unclosed(source: str) -> str:
    """``source`` with every "<" that cannot open a tag (no ">" before the next "<") or a comment (no "-->"
    after it) replaced, same length. CPython's parser rescans to the end of the input for each such "<", so
    "<div <div <div …" took quadratic time; a replaced "<" is plain text, as a browser shows it."""
    if "<" not in source:
        return source
    marks: list[int] = []
    last_close = source.rfind("-->")
    n = len(source)
    i = source.find("<")
    while i != -1:
        if source.startswith("<!--", i):
            end = source.find("-->", i + 4) if i <= last_close else -1
            if end == -1:  # unclosed: "<!-->" and "<!--->" close nothing (the "-->" overlaps the opener)
                marks.append(i)
                i = source.find("<", i + 1)
            else:
                i = source.find("<", end + 3)
            continue
        nxt = source.find("<", i + 1)
        gt = source.find(">", i + 1, nxt if nxt != -1 else n)
        if gt == -1:
            marks.append(i)
        i = nxt
    if not marks:
        return source
    chars = list(source)
    for m in marks:
        chars[m] = _INERT
    return "".join(chars)


# ---- Markdown ----------------------------------------------------------------------------------------------------

_FENCE = cache.compile(r"^ {0,3}(```|~~~)")
_RULE = cache.compile(r"^ {0,3}(?:[-*_=] *){3,}$")
_PREFIX = cache.compile(r"^(?: {0,3}(?:#{1,6}(?= |$)|>|[-*+](?= )|\d{1,9}[.)](?= |$)) ?)*")
# Linear: no class can run past the next opening bracket, so a run of "[" or "(" or "<" is scanned once.
_ITEM = cache.compile(r"[-*+](?= |$)|\d[.)]")  # a list item's marker, within a line's _PREFIX
_INLINE = cache.compile(r"!?\[([^\[\]\n]*)\]\([^()\n]*\)|<[A-Za-z/][^<>\n]*>|`+|\*+|(?<!\w)_+|_+(?!\w)|~~")


_FRONT_KEY = cache.compile(r"^([A-Za-z_][\w-]*)\s*[:=]\s*(.*?)\s*$")
_FRONT_DATE = cache.compile(r"^(\d{4}-\d{2}-\d{2})(?:[T ][\d:.]+(?:Z|[+-]\d{2}:?\d{2})?)?$")


def front_matter(source: str, *, name: str) -> tuple[int, dict[str, object]]:
    """(length of the front matter block at the top of ``source``, or 0; its ``date``/``id``/``title``).

    Only flat ``key: value`` (``key = value`` after ``+++``) lines are read; quotes around a value are dropped. A
    date that is not ``YYYY-MM-DD`` (a time after it is allowed) is an :class:`InputError` naming the file."""
    first = source.split("\n", 1)[0].rstrip("\r")
    if first.rstrip() not in ("---", "+++"):
        return 0, {}
    fence = first.rstrip()
    closers = ("---", "...") if fence == "---" else ("+++",)
    pos = len(first) + 1
    found: dict[str, object] = {}
    while pos <= len(source):
        nl = source.find("\n", pos)
        end = len(source) if nl == -1 else nl + 1
        line = source[pos:end].rstrip("\r\n")
        if line.rstrip() in closers:
            return end, _front_values(found, name=name)
        m = _FRONT_KEY.match(line)
        if m and m.group(1).lower() in ("date", "id", "title") and m.group(1).lower() not in found:
            value = m.group(2)
            if len(value) >= 2 and value[0] == value[-1] and value[0] in "'\"":
                value = value[1:-1]
            found[m.group(1).lower()] = value
        if nl == -1:
            break
        pos = end
    return 0, {}  # no closing line: not front matter


def _front_values(raw: dict[str, object], *, name: str) -> dict[str, object]:
    import datetime as _dt

    from claimcheck.errors import InputError

    out: dict[str, object] = {k: v for k, v in raw.items() if k != "date" and v}
    when = str(raw.get("date") or "").strip()
    if when:
        m = _FRONT_DATE.match(when)
        try:
            d = _dt.date.fromisoformat(m.group(1)) if m else None
        except ValueError:
            d = None
        if d is None or not 1800 <= d.year <= 2199:
            raise InputError(f"front matter: bad date {when[:40]!r} (expected YYYY-MM-DD)", path=name)
        out["date"] = d
    return out


def markdown_to_document(source: str, *, doc_id: str, path: str | None = None, lang: str | None = None) -> Document:
    b = _Builder()
    in_fence = False
    skip, meta = front_matter(source, name=path or doc_id)
    pos = 0
    after_heading = in_quote = False
    for line in source.splitlines(keepends=True):
        start = pos
        pos += len(line)
        if start < skip:  # front matter: read above, never checked
            b.brk(start)
            continue
        body = line.rstrip("\r\n")
        if _FENCE.match(body):
            in_fence = not in_fence
            b.brk(start)
            continue
        if in_fence:
            continue
        # HTML comments (several may share a line) are cut out; directives act where they stand in the line.
        items = _split_comments(body, start)
        if not any(text.strip() for text, _, directive in items if directive is None):
            for _, _, directive in items:
                if directive is not None:
                    b.directive(directive)
            if not body.strip():
                b.brk(start)
                after_heading = in_quote = False
            continue
        if _RULE.match(body):
            b.brk(start)
            after_heading = in_quote = False
            continue
        # An ignore comment covers one block: a heading, a list item, a quote or a paragraph. A line that starts
        # another block ends it, though no blank line comes between them.
        marks = _PREFIX.match(items[0][0])
        marks = marks.group() if marks else ""
        heading, quote = "#" in marks, ">" in marks
        item = _ITEM.search(marks) is not None
        if heading or item or after_heading or (quote and not in_quote):
            b.close_ignore()
        after_heading, in_quote = heading, quote or (in_quote and not item)
        first = True
        for seg, off, directive in items:
            if directive is not None:
                b.directive(directive)
                continue
            if first:
                m = _PREFIX.match(seg)
                cut = m.end() if m else 0
                seg, off = seg[cut:], off + cut
                first = False
            _inline(seg, off, b)
        b.add("\n", start + len(body), contiguous=False)
        b.last_break = False
    doc = b.finish(source, doc_id=doc_id, path=path, lang=lang)
    if meta:
        doc = replace(doc, id=str(meta.get("id") or doc.id), date=meta.get("date"),  # type: ignore[arg-type]
                      title=meta.get("title"))  # type: ignore[arg-type]
    return doc


def _split_comments(body: str, start: int) -> list[tuple[str, int, str | None]]:
    """(text, source offset, None) segments and ("", offset, comment body) directives, in line order.

    An unclosed ``<!--`` is left as text (a comment spanning lines is not a suppression directive).
    """
    out: list[tuple[str, int, str | None]] = []
    i = 0
    while True:
        j = body.find("<!--", i)
        k = body.find("-->", j + 4) if j != -1 else -1
        if j == -1 or k == -1:
            out.append((body[i:], start + i, None))
            return out
        out.append((body[i:j], start + i, None))
        out.append(("", start + j, body[j + 4:k]))
        i = k + 3


def _inline(seg: str, off: int, b: _Builder) -> None:
    seg_end = len(seg)
    i = 0
    for m in _INLINE.finditer(seg, 0, seg_end):
        b.add(seg[i:m.start()], off + i)
        if m.group(1) is not None:  # [label](target): keep the label
            b.add(m.group(1), off + m.start(1))
        i = m.end()
    b.add(seg[i:seg_end], off + i)


def to_document(text: str, *, doc_id: str, path: str | None = None, lang: str | None = None,
                fmt: str | None = None) -> Document:
    """The Document for an HTML or Markdown draft: ``fmt`` ("html" or "markdown") says which, else the name
    (``path``/``doc_id``) does: ``.html``/``.htm`` is HTML, anything else Markdown."""
    if fmt is None:
        fmt = "html" if (path or doc_id).lower().endswith((".html", ".htm")) else "markdown"
    if fmt == "html":
        return html_to_document(text, doc_id=doc_id, path=path, lang=lang)
    return markdown_to_document(text, doc_id=doc_id, path=path, lang=lang)


# ---- Telling markup from plain text (standard input, batch lines) ----------------------------------------------

# What a declared input format may be: "auto" (and None) sniffs the text.
FORMATS = ("auto", "text", "markdown", "html")
_TAGS = ("a|abbr|article|aside|b|blockquote|body|br|center|cite|code|dd|del|div|dl|dt|em|figcaption|figure|font|"
         "footer|h[1-6]|head|header|hr|html|i|img|ins|li|main|mark|meta|nav|ol|p|pre|q|s|section|small|span|"
         "strike|strong|sub|sup|table|tbody|td|th|thead|time|title|tr|u|ul")
_HTML_TAG = cache.compile(rf"<(?:!doctype\s|/?(?:{_TAGS})(?:\s[^<>]*)?/?>)", regex.IGNORECASE)
# Tags that structure a page: with these the text is an HTML page, even if it also looks like Markdown.
_HTML_PAGE = cache.compile(r"<(?:!doctype\s|/?(?:html|body|p|div|br|h[1-6]|li|ul|ol|table|article|section)\b)",
                           regex.IGNORECASE)
_ENTITY = cache.compile(r"&(?:[a-zA-Z][a-zA-Z0-9]{1,7}|#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6});")
# Strong signs of Markdown only: a plain-text line that starts "2019. " or "- " must not lose its first word.
_MARKDOWN = cache.compile(
    r"\*\*[^*\s](?:[^*\n]*[^*\s])?\*\*"  # **strong**
    r"|(?<![\w_])__[^_\s](?:[^_\n]*[^_\s])?__(?![\w_])"  # __strong__
    r"|(?<![\w*])\*[^*\s](?:[^*\n]*[^*\s])?\*(?![\w*])"  # *emphasis*
    r"|(?<![\w_])_[^_\s](?:[^_\n]*[^_\s])?_(?![\w_])"  # _emphasis_
    r"|!?\[[^\[\]\n]+\]\([^()\s]+\)"  # [label](target)
    r"|`[^`\n]+`"  # `code`
    r"|(?m:^ {0,3}#{1,6} \S)"  # # heading
    r"|(?m:^ {0,3}(?:```|~~~))"  # a fence
    r"|<!--\s*claimcheck",  # a suppression comment
)


def sniff(text: str) -> str:
    """"html", "markdown" or "text": how a text that came without a file name (standard input, a batch line)
    reads. HTML tags or entities make it HTML, unless Markdown marks show it to be Markdown with inline HTML.

    >>> sniff("Chief Minister **A. Person** said"), sniff("<p>Revenue rose <b>12%</b></p>"), sniff("2019. Rs 5 * 3")
    ('markdown', 'html', 'text')
    """
    head = text[:200_000]  # a draft shows what it is early; a huge text is not scanned twice
    html = ("<" in head and _HTML_TAG.search(head)) or ("&" in head and _ENTITY.search(head))
    markdown = any(ch in head for ch in "*_[`#~<") and _MARKDOWN.search(head)
    if html and (not markdown or _HTML_PAGE.search(head)):
        return "html"
    if markdown:
        return "markdown"
    return "text"
