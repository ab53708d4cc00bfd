"""The article extraction benchmark's metric, and reader's score on some of its pages."""

from __future__ import annotations

from pathlib import Path

import pytest

from bench.ingest import (
    ARTICLES,
    PageScore,
    load_pages,
    reader_text,
    score,
    score_page,
    shingles,
    visible_text,
)


def test_shingles_are_runs_of_four_word_tokens() -> None:
    assert shingles("One, two three-four five!") == {
        "One two three four": 1,
        "two three four five": 1,
    }
    assert shingles("Too short") == {"Too short": 1}
    assert shingles("") == {}


def test_page_counts_are_shares_of_their_sum() -> None:
    gold = "a b c d e f"  # shingles: abcd, bcde, cdef
    page = score_page(gold, "a b c d e x")  # abcd, bcde, cdex
    assert page == PageScore(tp=2 / 4, fp=1 / 4, fn=1 / 4)
    assert page.f1 == pytest.approx(2 / 3)


def test_precision_and_recall_are_means_over_pages() -> None:
    perfect = score_page("a b c d e", "a b c d e")
    empty = score_page("a b c d e", "")  # no prediction: recall 0, no precision
    half = PageScore(tp=0.5, fp=0.5, fn=0.0)
    total = score([perfect, empty, half])
    assert total.precision == pytest.approx((1 + 0.5) / 2)
    assert total.recall == pytest.approx((1 + 0 + 1) / 3)
    assert total.f1 == pytest.approx(2 * 0.75 * (2 / 3) / (0.75 + 2 / 3))
    assert score([score_page("", "")]).precision == 1.0


@pytest.fixture
def benchmark_pages() -> Path:
    """The benchmark's folder, or skip when ../shared is absent."""
    if not (ARTICLES / "ground-truth.json").is_file():
        pytest.skip("../shared/eval/article-extraction is not beside the project")
    return ARTICLES


def test_reader_beats_all_visible_text_on_the_first_pages(benchmark_pages: Path) -> None:
    pages = load_pages(benchmark_pages)[:20]
    ours = score(score_page(page.gold, reader_text(page)) for page in pages)
    baseline = score(score_page(page.gold, visible_text(page)) for page in pages)
    assert ours.f1 >= 0.9
    assert ours.f1 > baseline.f1 + 0.15
