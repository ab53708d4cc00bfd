"""The matching engine: order-free, number-aware, corpus-weighted, cancellable."""

from __future__ import annotations

import os
import random
import subprocess
import sys
from pathlib import Path

import pytest

from reader.core.documents.document import Document
from reader.core.documents.loading import load_document
from reader.core.matching import matcher as matching
from reader.core.matching.alignment import align_words
from reader.core.matching.matcher import MatchCancelled, MatchSettings, match_documents
from reader.core.matching.tokens import surface_words
from tests.support.paths import NEWSWEEK, STRIPES

ARTICLE = [
    "Eighteen soldiers deserted their posts near the border crossing on Oct. 3.",
    "The regional governor announced a curfew across the province after the riots.",
    "A flood destroyed the old railway bridge, cutting the line to the capital.",
    "Police arrested a 34-year-old man in connection with the warehouse fire.",
    "The central bank raised its interest rate by half a point to curb inflation.",
]


def doc(tmp_path: Path, name: str, paragraphs: list[str]) -> Document:
    path = tmp_path / name
    path.write_text("\n\n".join(paragraphs) + "\n", encoding="utf-8")
    return load_document(path)


def matched_texts(documents: list[Document]) -> set[tuple[str, str]]:
    result = match_documents(documents)
    return {
        (
            documents[m.a.doc].text[m.a.start : m.a.end],
            documents[m.b.doc].text[m.b.start : m.b.end],
        )
        for m in result.matches
    }


def test_identical_documents_match_everything_strong(tmp_path: Path) -> None:
    one, two = doc(tmp_path, "one.txt", ARTICLE), doc(tmp_path, "two.txt", ARTICLE)
    matches = match_documents([one, two]).matches
    same = [m for m in matches if m.a_passage == m.b_passage]
    assert len(same) == len(ARTICLE)
    assert all(m.strength == "strong" and m.score >= 99 for m in same)


def test_shuffled_paragraphs_still_match(tmp_path: Path) -> None:
    shuffled = ARTICLE[:]
    random.Random(7).shuffle(shuffled)
    one, two = doc(tmp_path, "one.txt", ARTICLE), doc(tmp_path, "two.txt", shuffled)
    pairs = matched_texts([one, two])
    assert {(text, text) for text in ARTICLE} <= pairs


def test_numbers_in_words_and_digits_match(tmp_path: Path) -> None:
    one = doc(tmp_path, "one.txt", ["Eighteen soldiers deserted the frontline on Oct. 3."])
    two = doc(tmp_path, "two.txt", ["Around 18 soldiers deserted the frontline on October 3."])
    result = match_documents([one, two])
    assert len(result.matches) == 1
    explanation = result.explain(result.matches[0])
    assert explanation.agreeing_numbers == ("18", "3")
    assert explanation.numbers_only_a == explanation.numbers_only_b == ()


def test_explanation_names_differing_numbers(tmp_path: Path) -> None:
    one = doc(tmp_path, "one.txt", ["Six officers were killed in the missile strike near Donetsk."])
    two = doc(
        tmp_path, "two.txt", ["Seven officers were killed in the missile strike near Donetsk."]
    )
    result = match_documents([one, two])
    explanation = result.explain(result.matches[0])
    assert explanation.numbers_only_a == ("6",)
    assert explanation.numbers_only_b == ("7",)
    assert "donetsk" in explanation.shared_words


def test_a_passage_never_matches_its_own_document(tmp_path: Path) -> None:
    repeated = doc(tmp_path, "rep.txt", [ARTICLE[0], ARTICLE[0], ARTICLE[1]])
    other = doc(tmp_path, "other.txt", [ARTICLE[2]])
    for match in match_documents([repeated, other]).matches:
        assert match.a.doc != match.b.doc


def test_boilerplate_produces_no_matches(tmp_path: Path) -> None:
    furniture = ["Subscribe", "0 Comments", "Sign Up Now", "Advertisement", "Share this"]
    one = doc(tmp_path, "one.txt", [*furniture, ARTICLE[1]])
    two = doc(tmp_path, "two.txt", [*furniture, ARTICLE[3]])
    assert match_documents([one, two]).matches == []


def test_words_common_to_the_set_do_not_make_a_match(tmp_path: Path) -> None:
    topic = "North Korean troops in Russia and Ukraine"
    one = doc(
        tmp_path,
        "one.txt",
        [f"{topic}: the treaty was signed in June.", f"{topic}: officers killed by a missile."],
    )
    two = doc(
        tmp_path,
        "two.txt",
        [f"{topic}: Seoul reviews its aid policy.", f"{topic}: Kremlin calls it fake news."],
    )
    assert match_documents([one, two]).matches == []


def test_spans_are_offsets_into_document_text() -> None:
    documents = [load_document(NEWSWEEK), load_document(STRIPES)]
    for match in match_documents(documents).matches:
        passage_a = documents[match.a.doc].passages[match.a_passage]
        assert (match.a.start, match.a.end) == (passage_a.start, passage_a.end)
        assert 0 < match.score <= 100


def test_progress_is_reported_and_cancel_stops(tmp_path: Path) -> None:
    one, two = doc(tmp_path, "one.txt", ARTICLE), doc(tmp_path, "two.txt", ARTICLE)
    seen: list[tuple[int, int]] = []
    match_documents([one, two], progress=lambda done, total: seen.append((done, total)))
    assert seen[-1][0] == seen[-1][1] > 0
    with pytest.raises(MatchCancelled):
        match_documents([one, two], cancelled=lambda: True)


def test_min_score_setting_filters(tmp_path: Path) -> None:
    documents = [load_document(NEWSWEEK), load_document(STRIPES)]
    loose = match_documents(documents, MatchSettings(min_score=5)).matches
    strict = match_documents(documents, MatchSettings(min_score=40)).matches
    assert len(strict) < len(loose)
    assert all(m.score >= 40 for m in strict)


def test_word_alignment_marks_shared_and_differing_words() -> None:
    a = "Eighteen North Korean soldiers deserted, Suspilne said."
    b = "Around 18 North Koreans left their stations, according to Suspilne."
    marks_a, marks_b = align_words(a, b)
    shared_a = {a[m.start : m.end] for m in marks_a if m.shared}
    differ_b = {b[m.start : m.end] for m in marks_b if not m.shared}
    assert {"Eighteen", "North", "Korean", "Suspilne"} <= shared_a
    assert "deserted" not in shared_a
    assert {"Around", "left", "stations"} <= differ_b


def test_an_unrelated_article_beside_two_reports_changes_little_between_them(
    tmp_path: Path,
) -> None:
    seeds = [load_document(NEWSWEEK), load_document(STRIPES)]
    unrelated = doc(tmp_path, "bank.txt", ARTICLE[1:] * 3)
    alone = {(m.a, m.b, m.strength) for m in match_documents(seeds).matches}
    beside = {
        (m.a, m.b, m.strength) for m in match_documents([*seeds, unrelated]).matches if m.b.doc < 2
    }
    strong = {pair for pair in alone if pair[2] == "strong"}
    assert strong
    assert strong == {pair for pair in beside if pair[2] == "strong"}
    # Only the weights of words move a little; no lift from the pair standing out.
    assert len(alone ^ beside) <= 3


def test_a_story_lift_never_makes_a_match_strong(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Five reports of one story: their passage pairs are lifted toward 100.
    documents = [
        doc(
            tmp_path,
            f"report{i}.txt",
            [
                *ARTICLE[i:],
                *ARTICLE[:i],
                f"Witnesses saw {i + 2} soldiers leave near the crossing.",
            ],
        )
        for i in range(5)
    ]
    lifted = {(m.a, m.b): m for m in match_documents(documents).matches}
    monkeypatch.setattr(matching, "STORY_LIFT", 0.0)
    own = {(m.a, m.b): m for m in match_documents(documents).matches}
    assert len(lifted) > len(own)  # the lift does find more...
    for key, match in lifted.items():  # ...but only the passages' own agreement is "strong"
        assert match.strength == (own[key].strength if key in own else "partial")
        assert match.score <= 100
        if key in own:
            assert match.score >= own[key].score


def test_matches_do_not_depend_on_the_hash_seed(eval_dir: Path, tmp_path: Path) -> None:
    # Sets iterate in an order that changes with PYTHONHASHSEED; sums of weights over them
    # once moved borderline scores across the threshold: on this pair seeds 1, 2 and 3 gave
    # 25,659, 25,658 and 25,656 matches.
    from bench.corpus import long_pair

    pair = long_pair()
    a, b = tmp_path / "a.txt", tmp_path / "b.txt"
    a.write_text(pair.text_a, encoding="utf-8")
    b.write_text(pair.text_b, encoding="utf-8")
    outputs = set()
    for seed in ("1", "2", "3"):
        done = subprocess.run(
            [sys.executable, "-m", "reader", "match", "--json", str(a), str(b)],
            capture_output=True,
            text=True,
            check=True,
            env={**os.environ, "PYTHONHASHSEED": seed},
        )
        outputs.add(done.stdout)
    assert len(outputs) == 1


def test_shared_words_are_shown_as_the_text_writes_them() -> None:
    text = "Eighteen soldiers deserted the border post on Oct. 3."
    assert surface_words(text, ["bord", "desert", "october", "3", "absent"]) == [
        "border",
        "deserted",
        "Oct",
        "3",
        "absent",
    ]


def test_progress_moves_through_features_then_scoring_and_cancel_stops_early(
    tmp_path: Path,
) -> None:
    sentences = [f"Claim number {i} names witness{i} and place{i % 97}." for i in range(2500)]
    one, two = doc(tmp_path, "one.txt", sentences), doc(tmp_path, "two.txt", sentences[::-1])
    seen: list[tuple[int, int]] = []
    match_documents([one, two], progress=lambda done, total: seen.append((done, total)))
    total = seen[-1][1]
    assert total == 2 * (len(one.passages) + len(two.passages))
    assert [done for done, _ in seen] == sorted(done for done, _ in seen)  # never backwards
    assert any(0 < done < total // 2 for done, _ in seen)  # features report as they go
    assert seen[-1][0] == total
    calls: list[int] = []

    def cancel_on_first_check() -> bool:
        calls.append(1)
        return True

    with pytest.raises(MatchCancelled):
        match_documents([one, two], cancelled=cancel_on_first_check)
    assert len(calls) == 1  # stopped at the first check, during features


_LETTERS = (
    "alpha bravo charlie delta echo foxtrot golf hotel india juliet kilo lima mike november "
    "oscar papa quebec romeo sierra tango uniform victor whiskey xray yankee zulu"
).split()


def _five_reports(tmp_path: Path, sentences: int) -> list[Document]:
    """Five documents of one story, ``sentences`` long, whose sentences near the top share only
    the word "Kursk" with the first report's."""
    found = []
    for number in range(5):
        lines = [
            f"The {_LETTERS[(number * 7 + k) % 26]} {_LETTERS[(number * 3 + k * 5) % 26]} report "
            f"{number}{k} mentions item{number}x{k} plainly."
            for k in range(sentences)
        ]
        lines.insert(
            3,
            "The convoy reached Kursk at dawn on Tuesday."
            if number == 0
            else f"Officials in Kursk declined to comment on matter{number}.",
        )
        path = tmp_path / f"{sentences}-{number}.txt"
        path.write_text("\n\n".join(lines) + "\n", encoding="utf-8")
        found.append(load_document(path))
    return found


def test_a_story_of_long_documents_gets_no_lift(tmp_path: Path) -> None:
    # The lift of a story told by five reports or more links sentences that share one of its
    # words; five long documents are not reports, and lifted they made matches by the million.
    def kursk_links(documents: list[Document]) -> list[float]:
        result = match_documents(documents)
        assert result.story_count == 1
        return [
            m.score
            for m in result.matches
            if 0 in (m.a.doc, m.b.doc)
            and "Kursk" in documents[m.a.doc].text[m.a.start : m.a.end]
            and "Kursk" in documents[m.b.doc].text[m.b.start : m.b.end]
        ]

    assert len(kursk_links(_five_reports(tmp_path, 20))) == 4  # reports: lifted to partial
    assert kursk_links(_five_reports(tmp_path, 150)) == []  # 150 sentences each: not lifted
