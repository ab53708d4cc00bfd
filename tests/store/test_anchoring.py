"""Re-anchoring notes when a document changes: exact, moved, fuzzy (flagged) or orphan."""

from __future__ import annotations

from reader.store.anchoring import anchor
from reader.store.annotation import Target

ORIGINAL = (
    "Eighteen North Korean soldiers have reportedly deserted the Russian frontline. "
    "The soldiers were stationed in Russia's Kursk and Bryansk regions. "
    "Reports indicate that six officers were killed on October 3. "
    "The injured officers were reportedly sent to Moscow for treatment."
)
QUOTE = "Reports indicate that six officers were killed on October 3."


def target_for(quote: str, text: str = ORIGINAL) -> Target:
    start = text.index(quote)
    return Target.from_span("old-id", text, start, start + len(quote))


def test_unchanged_text_anchors_at_the_stored_position() -> None:
    found = anchor(target_for(QUOTE), ORIGINAL)
    assert (found.status, ORIGINAL[found.start : found.end]) == ("exact", QUOTE)


def test_edits_elsewhere_move_the_anchor() -> None:
    edited = "UPDATED: a correction was added at the top.\n\n" + ORIGINAL.replace(
        "Kursk", "Kursk, Russia,"
    )
    found = anchor(target_for(QUOTE), edited)
    assert found.status == "moved"
    assert edited[found.start : found.end] == QUOTE


def test_duplicated_quote_is_chosen_by_its_context() -> None:
    text = "Officials said: No comment. Later the ministry said: No comment. Then it ended."
    second = text.index("No comment.", 20)
    target = Target.from_span("old", text, second, second + len("No comment."))
    shifted = "A new first line. " + text
    found = anchor(target, shifted)
    assert found.status == "moved"
    assert found.start == shifted.index("No comment.", 40)


def test_whitespace_and_unicode_normalisation_changes_anchor() -> None:
    target = target_for(QUOTE)
    reflowed = ORIGINAL.replace("six officers were", "six\n  officers were")
    found = anchor(target, reflowed)
    assert found.status == "moved"
    assert " ".join(reflowed[found.start : found.end].split()) == QUOTE
    decomposed_quote = "Café officials said so."
    text = "Intro. Café officials said so. Outro."
    target = target_for(decomposed_quote, text)
    nfd = text.replace("é", "e\u0301")
    found = anchor(target, nfd)
    assert found.status == "moved"
    assert nfd[found.start : found.end] == "Cafe\u0301 officials said so."


def test_small_edits_inside_the_quote_are_flagged_fuzzy() -> None:
    edited = ORIGINAL.replace("six officers were killed", "six officers were reportedly killed")
    found = anchor(target_for(QUOTE), edited)
    assert found.status == "fuzzy"
    assert "six officers were reportedly killed on October 3" in edited[found.start : found.end]
    assert found.score < 100


def test_deleted_quote_becomes_an_orphan() -> None:
    edited = ORIGINAL.replace(QUOTE + " ", "")
    assert anchor(target_for(QUOTE), edited).status == "orphan"


def test_never_anchored_to_a_different_sentence() -> None:
    similar = (
        "Reports indicate that seven officers were wounded on October 9. "
        "The injured officers were reportedly sent to Moscow for treatment."
    )
    assert anchor(target_for(QUOTE), similar).status == "orphan"


def test_empty_document_makes_an_orphan() -> None:
    assert anchor(target_for(QUOTE), "").status == "orphan"
