"""Segmentation into passages: offsets, abbreviations, headlines, blocks."""

from __future__ import annotations

from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from reader.core.documents.loading import load_document
from reader.core.documents.markup import plain_blocks
from reader.core.documents.segmentation import MAX_PASSAGE, segment
from tests.support.paths import NEWSWEEK, STRIPES


def texts(document_text: str) -> list[str]:
    return [p.text for p in segment(document_text, plain_blocks(document_text))]


def test_abbreviations_do_not_split() -> None:
    sentences = texts(
        "The U.S. State Department is concerned, Miller said in Washington, D.C. on Tuesday. "
        "Six officers were killed near Donetsk on Oct. 3. Three were wounded."
    )
    assert sentences == [
        "The U.S. State Department is concerned, Miller said in Washington, D.C. on Tuesday.",
        "Six officers were killed near Donetsk on Oct. 3.",
        "Three were wounded.",
    ]


def test_lines_without_end_punctuation_are_their_own_passage() -> None:
    assert texts("0 Comments\nSubscribe\nKim Jong Un poses with troops.") == [
        "0 Comments",
        "Subscribe",
        "Kim Jong Un poses with troops.",
    ]


def test_hard_wrapped_prose_is_joined_across_lines() -> None:
    source = (
        "The soldiers were stationed in Russia's Kursk and Bryansk\n"
        "regions, just four miles from the Ukrainian border, when they\n"
        "abandoned their posts. Intelligence sources said so.\n"
    )
    assert texts(source) == [
        "The soldiers were stationed in Russia's Kursk and Bryansk\n"
        "regions, just four miles from the Ukrainian border, when they\n"
        "abandoned their posts.",
        "Intelligence sources said so.",
    ]


def test_runaway_sentences_are_capped() -> None:
    source = "word " * 1000
    passages = segment(source, plain_blocks(source))
    assert len(passages) > 1
    assert all(p.end - p.start <= MAX_PASSAGE for p in passages)


def test_seed_sentences_segment_as_the_gold_quotes(eval_dir: Path) -> None:
    import json

    gold = json.loads((eval_dir / "seeds" / "gold.json").read_text(encoding="utf-8"))
    quotes_a = {q for pair in gold["strong"] + gold["partial"] for q in pair[:1]}
    quotes_a |= set(gold["unmatched_a"])
    quotes_b = {q for pair in gold["strong"] + gold["partial"] for q in pair[1:]}
    quotes_b |= set(gold["unmatched_b"])
    passages_a = {p.text for p in load_document(NEWSWEEK).passages}
    passages_b = {p.text for p in load_document(STRIPES).passages}
    assert quotes_a <= passages_a
    assert quotes_b <= passages_b


def test_headings_are_one_passage(tmp_path: Path) -> None:
    path = tmp_path / "h.md"
    path.write_text("# Breaking. Two sentences in a headline\n\nBody text here.", encoding="utf-8")
    document = load_document(path)
    assert document.passages[0].text == "Breaking. Two sentences in a headline"


_alphabet = st.sampled_from(
    [*list('abc XYZ.,!?\n\t"“”’-0123456789'), "U.S.", "Oct.", "\n\n", "é", "北"]
)


@settings(max_examples=300, deadline=None)
@given(st.lists(_alphabet, max_size=200).map("".join))
def test_passages_are_ordered_disjoint_exact_and_inside_blocks(source: str) -> None:
    blocks = plain_blocks(source)
    passages = segment(source, blocks)
    previous_end = 0
    for index, passage in enumerate(passages):
        assert passage.index == index
        assert previous_end <= passage.start < passage.end
        assert source[passage.start : passage.end] == passage.text
        assert passage.text == passage.text.strip()
        block = blocks[passage.block]
        assert block.start <= passage.start
        assert passage.end <= block.end
        previous_end = passage.end
    covered = "".join(p.text for p in passages)
    assert "".join(covered.split()) == "".join(source.split())
