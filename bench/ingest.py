"""Article extraction quality: reader's web extraction against all visible text, in one run.

Run: ``python -m bench.ingest``. Needs ../shared/eval/article-extraction beside the project
(131 saved news pages with the text a person marked as the article); the metric is the
benchmark's own, described in its README and implemented in ``score``.
"""

from __future__ import annotations

import gzip
import json
import re
import statistics
import time
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path

from reader.core.documents import extract_web
from reader.core.documents.document_error import DocumentError
from reader.core.documents.markup import join_blocks

ARTICLES = Path(__file__).resolve().parent.parent.parent / "shared" / "eval" / "article-extraction"

_TOKEN = re.compile(r"\w+")
_SHINGLE = 4


@dataclass(frozen=True)
class Page:
    """One benchmark page: its key, URL, saved HTML and gold article text."""

    key: str
    url: str
    html: bytes
    gold: str


@dataclass(frozen=True)
class PageScore:
    """A page's true positive, false positive and false negative shingles, as shares."""

    tp: float
    fp: float
    fn: float

    @property
    def f1(self) -> float:
        """The page's own F1 (1 when both texts are empty)."""
        denominator = 2 * self.tp + self.fp + self.fn
        return 2 * self.tp / denominator if denominator else 1.0


@dataclass(frozen=True)
class Scores:
    """Precision and recall averaged over pages, and their F1."""

    precision: float
    recall: float

    @property
    def f1(self) -> float:
        """2PR / (P + R)."""
        total = self.precision + self.recall
        return 2 * self.precision * self.recall / total if total else 0.0


def shingles(text: str) -> Counter[str]:
    """Runs of four consecutive ``\\w+`` tokens, counted (one run of all tokens if fewer)."""
    tokens = _TOKEN.findall(text)
    count = max(1, len(tokens) - _SHINGLE + 1)
    return Counter(
        " ".join(tokens[i : i + _SHINGLE]) for i in range(count) if tokens[i : i + _SHINGLE]
    )


def score_page(gold: str, predicted: str) -> PageScore:
    """Shared, extra and missing shingles, divided by their sum so every page weighs the same."""
    expected, found = shingles(gold), shingles(predicted)
    tp = sum((expected & found).values())
    fp = sum((found - expected).values())
    fn = sum((expected - found).values())
    total = tp + fp + fn
    return PageScore(tp / total, fp / total, fn / total) if total else PageScore(0, 0, 0)


def score(pages: Iterable[PageScore]) -> Scores:
    """Mean precision over pages that predicted something, mean recall over pages with gold."""
    precisions: list[float] = []
    recalls: list[float] = []
    for page in pages:
        if page.fp == 0 and page.fn == 0:
            precisions.append(1.0)
            recalls.append(1.0)
            continue
        if page.tp + page.fp > 0:
            precisions.append(page.tp / (page.tp + page.fp))
        if page.tp + page.fn > 0:
            recalls.append(page.tp / (page.tp + page.fn))
    return Scores(statistics.fmean(precisions or [0.0]), statistics.fmean(recalls or [0.0]))


def load_pages(folder: Path = ARTICLES) -> list[Page]:
    """The benchmark's pages with their gold text, in the order of its ground truth."""
    truth = json.loads((folder / "ground-truth.json").read_text(encoding="utf-8"))
    return [
        Page(
            key,
            item["url"],
            gzip.decompress((folder / "html" / f"{key}.html.gz").read_bytes()),
            item["articleBody"],
        )
        for key, item in truth.items()
    ]


def reader_text(page: Page) -> str:
    """The text reader loads from a page: its extracted blocks joined as a document."""
    try:
        article = extract_web(page.html, url=page.url, name=page.key)
    except DocumentError:
        return ""
    return join_blocks(article.blocks)[0]


def visible_text(page: Page) -> str:
    """The naive baseline: every piece of text a browser would show, in page order."""
    try:
        html = page.html.decode("utf-8")
    except UnicodeDecodeError:
        html = page.html.decode("cp1252", errors="replace")
    collector = _VisibleText()
    collector.feed(html)
    collector.close()
    return "\n".join(collector.pieces)


def run(
    pages: Sequence[Page], extractor: Callable[[Page], str]
) -> tuple[list[PageScore], list[float]]:
    """Score an extractor on every page, timing each extraction."""
    scores: list[PageScore] = []
    seconds: list[float] = []
    for page in pages:
        start = time.perf_counter()
        text = extractor(page)
        seconds.append(time.perf_counter() - start)
        scores.append(score_page(page.gold, text))
    return scores, seconds


def main() -> int:
    """Print the extraction table, the time per page and the pages scoring under 0.5."""
    if not (ARTICLES / "ground-truth.json").is_file():
        print("../shared/eval/article-extraction is not beside the project: nothing to measure")
        return 0
    pages = load_pages()
    reader_text(pages[0])  # import trafilatura and warm its caches outside the timings
    ours, seconds = run(pages, reader_text)
    baseline, _ = run(pages, visible_text)
    print(f"Article extraction, {len(pages)} pages (benchmark metric: 4-token shingles)")
    print(f"{'':28}{'precision':>10}{'recall':>10}{'F1':>10}")
    for label, page_scores in (
        ("all visible text (baseline)", baseline),
        ("reader (trafilatura)", ours),
    ):
        total = score(page_scores)
        print(f"{label:28}{total.precision:>10.3f}{total.recall:>10.3f}{total.f1:>10.3f}")
    ordered = sorted(seconds)
    p95 = ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]
    print(
        f"time per page: median {statistics.median(seconds) * 1000:.0f} ms, p95 {p95 * 1000:.0f} ms"
    )
    low = [(page, result) for page, result in zip(pages, ours, strict=True) if result.f1 < 0.5]
    print(f"pages under F1 0.5: {len(low)}")
    for page, result in low:
        print(f"  {result.f1:.2f}  {page.key[:12]}  {page.url}")
    return 0


class _VisibleText(HTMLParser):
    """Text outside <script>, <style>, <head> and the like."""

    _HIDDEN = frozenset({"script", "style", "noscript", "template", "head", "title", "svg"})

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.pieces: list[str] = []
        self._hidden = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in self._HIDDEN:
            self._hidden += 1

    def handle_endtag(self, tag: str) -> None:
        if tag in self._HIDDEN and self._hidden:
            self._hidden -= 1

    def handle_data(self, data: str) -> None:
        if not self._hidden and data.strip():
            self.pieces.append(data.strip())


if __name__ == "__main__":
    raise SystemExit(main())
