"""Ordinary news text for the benchmarks: the bundled example article, our own sentences, and (read at run time,
never copied into the repository) ../shared/dev-corpus/sentences.jsonl when it is present.

Documents are 2–6 kB articles of shuffled paragraphs in Hindi or English with a date, as a newsroom archive holds.
Generation is deterministic (seeded), so figures from two runs compare.
"""

from __future__ import annotations

import json
import random
from collections.abc import Iterator
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"

# Our own sentences (written for these benchmarks), in the register of Hindi and Indian-English news.
OWN_HI = [
    "राज्य में इस साल करीब 12 लाख नए उद्यम पंजीकृत हुए, जो पिछले वर्ष से 18 फीसदी अधिक हैं।",
    "मुख्यमंत्री ने सोमवार को 4,500 करोड़ रुपये की 37 परियोजनाओं का लोकार्पण किया।",
    "जिलाधिकारी ने बताया कि बाढ़ से 214 गांव प्रभावित हुए हैं और ढाई हजार परिवारों को राहत शिविरों में भेजा गया है।",
    "वित्त वर्ष 2023-24 में प्रदेश का निर्यात 1.7 लाख करोड़ रुपये तक पहुंच गया।",
    "उद्योग मंत्री ने कहा कि अगले तीन वर्षों में पांच लाख युवाओं को प्रशिक्षण दिया जाएगा।",
    "बैठक में मुख्य सचिव के अलावा प्रमुख सचिव वित्त और कई विभागों के अधिकारी मौजूद रहे।",
    "रिपोर्ट के अनुसार बेरोजगारी दर घटकर साढ़े चार प्रतिशत रह गई है।",
    "कार्यक्रम 15 सितंबर से 30 सितंबर तक चलेगा और इसमें लगभग 800 स्टॉल लगाए जाएंगे।",
    "पिछले दो दशकों में जिले की आबादी डेढ़ गुना हो गई है।",
    "ये योजनाएं 2017 से लागू हैं और अब तक सैंकड़ों करोड़ रुपये का ऋण बांटा जा चुका है।",
    "शहर में मंगलवार को न्यूनतम तापमान 11 डिग्री सेल्सियस दर्ज किया गया।",
    "सरकार ने 90 से 96 लाख इकाइयों के आंकड़े को सही बताया, हालांकि विपक्ष ने इस पर सवाल उठाए।",
]
OWN_EN = [
    "The state cabinet on Tuesday approved a Rs 2,400 crore package for small industries, officials said.",
    "Exports from the district rose 14 per cent to $1.2 billion in 2023-24, according to the commerce department.",
    "Chief Minister Yogi Adityanath said nearly 96 lakh MSME units were operating in Uttar Pradesh.",
    "The scheme, launched in 2018, has so far covered about 3.5 lakh artisans across 75 districts.",
    "Officials expect the fair, which runs from October 14 to 18, to draw over two lakh visitors.",
    "Unemployment in urban areas fell to 6.6% in the April-June quarter, the survey showed.",
    "The minister said 1,200 km of rural roads would be built over the next three years.",
    "Rakesh Sachan, the state MSME minister, inaugurated the expo on Friday.",
]


def paragraphs(*, bundled_only: bool = False) -> dict[str, list[str]]:
    """Paragraph pools per language: the example articles, our sentences, and the dev corpus when present (not
    with ``bundled_only``)."""
    pools: dict[str, list[str]] = {"hi": list(OWN_HI), "en": list(OWN_EN)}
    for p in sorted((REPO / "examples").glob("*.txt")):
        for para in p.read_text(encoding="utf-8").split("\n"):
            if len(para.strip()) > 40:
                pools["hi"].append(para.strip())
    dev = SHARED / "dev-corpus" / "sentences.jsonl"
    if dev.exists() and not bundled_only:
        for line in dev.read_text(encoding="utf-8").splitlines():
            row = json.loads(line)
            pools.setdefault(row.get("lang", "hi"), []).append(row["text"])
    return pools


def documents(total_chars: int, *, seed: int = 7, en_share: float = 0.3,
              bundled_only: bool = False) -> Iterator[dict]:
    """Article-like documents until ``total_chars`` characters of text have been produced."""
    rng = random.Random(seed)
    pools = paragraphs(bundled_only=bundled_only)
    made = 0
    i = 0
    while made < total_chars:
        lang = "en" if rng.random() < en_share else "hi"
        pool = pools[lang]
        target = rng.randint(2000, 6000)
        parts: list[str] = []
        size = 0
        while size < target:
            s = rng.choice(pool)
            parts.append(s)
            size += len(s) + 1
        text = " ".join(parts[:3]) + "\n" + "\n".join(" ".join(parts[k:k + 3]) for k in range(3, len(parts), 3))
        y, m, d = rng.randint(2016, 2025), rng.randint(1, 12), rng.randint(1, 28)
        yield {"id": f"doc{i:06d}", "lang": lang, "date": f"{y}-{m:02d}-{d:02d}", "text": text}
        made += len(text)
        i += 1


def write_jsonl(path: str | Path, total_bytes: int, *, seed: int = 7,
                bundled_only: bool = False) -> tuple[int, int]:
    """Write a batch of about ``total_bytes`` (UTF-8) to ``path``; returns (documents, characters of text).
    ``bundled_only``: from the repository's own text (the example articles and our sentences) only."""
    docs = chars = written = 0
    with open(path, "w", encoding="utf-8") as f:
        for d in documents(total_bytes * 10, seed=seed, bundled_only=bundled_only):
            line = json.dumps(d, ensure_ascii=False) + "\n"
            f.write(line)
            written += len(line.encode("utf-8"))
            docs += 1
            chars += len(d["text"])
            if written >= total_bytes:
                break
    return docs, chars


def ordinary_text(total_chars: int, *, seed: int = 11) -> str:
    """One long article of ordinary news text (Hindi and English paragraphs), about ``total_chars`` long."""
    out: list[str] = []
    n = 0
    for d in documents(total_chars, seed=seed):
        out.append(d["text"])
        n += len(d["text"]) + 2
        if n >= total_chars:
            break
    return "\n\n".join(out)[:total_chars]


def shared_note() -> str:
    return "with ../shared/dev-corpus" if (SHARED / "dev-corpus" / "sentences.jsonl").exists() else \
        "without ../shared/dev-corpus (not present)"


def compile_bytecode() -> None:
    """Write claimcheck's bytecode before timing: with PYTHONDONTWRITEBYTECODE set (as on this machine) a module
    edited since its .pyc was written is compiled from source on every run of the CLI, which times the compiler."""
    import compileall

    import claimcheck

    compileall.compile_dir(str(Path(claimcheck.__file__).parent), quiet=1)
