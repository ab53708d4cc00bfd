"""The detail panel: the claim under the cursor, its tag and note, its counterparts."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from textual.content import Content
from textual.widgets import Static

from reader.core.documents.document import Document
from reader.core.documents.text_policy import excerpt, sanitize, sanitize_line
from reader.core.matching.alignment import align_words
from reader.core.matching.counterparts import Counterpart
from reader.core.matching.matcher import MatchResult
from reader.core.provenance.attribution import Attribution
from reader.core.provenance.claim_view import ClaimView, view_passage
from reader.store.annotation import Annotation

NOTE_SHOWN = 2000  # characters of a note shown in the panel
COUNTERPARTS_SHOWN = 5

Part = Content | tuple[str, str] | str


@dataclass(frozen=True)
class ClaimDetail:
    """What the panel shows of one claim: its text and view, its notes, its counterparts.

    ``versions`` are the claim's annotations, the one the keys edit first; ``review`` says
    why that one should be confirmed (its text changed), if it should.
    """

    documents: Sequence[Document]
    doc: int
    passage: int
    counterparts: Sequence[Counterpart]  # best first; the first few are shown
    view: ClaimView
    versions: Sequence[Annotation] = field(default_factory=list)
    review: str | None = None
    matching: bool = False
    # For each shown counterpart, why it matched beyond its shared words: the names and words
    # made one ("same: Qaeda = Qaida"), or that it sits beside a strong match.
    why: Sequence[tuple[str, ...]] = ()

    @classmethod
    def of(
        cls,
        documents: Sequence[Document],
        doc: int,
        passage: int,
        counterparts: Sequence[Counterpart],
        versions: Sequence[Annotation] = (),
        review: str | None = None,
        matching: bool = False,
        result: MatchResult | None = None,
    ) -> ClaimDetail:
        """The detail of a passage, its view built by the one function every view uses;
        ``result``, the matches the counterparts come from, says what was made one."""
        shown = counterparts[:COUNTERPARTS_SHOWN]
        if not documents[doc].passages:
            view = ClaimView(Attribution(), from_paragraph=False)
        else:
            view = view_passage(documents, doc, passage, shown)
        why = [result.explain(c.match).reasons for c in shown] if result is not None else []
        return cls(documents, doc, passage, counterparts, view, versions, review, matching, why)


class DetailPanel(Static):
    """Shows one claim in full; document and note text is never read as markup."""

    DEFAULT_CSS = """
    DetailPanel {
        height: 12;
        border: round $panel;
        padding: 0 1;
        overflow-y: auto;
    }
    """

    def show(self, detail: ClaimDetail) -> None:
        """Render the claim, its tag and note, and each counterpart with the word difference."""
        document = detail.documents[detail.doc]
        text = document.passages[detail.passage].text if document.passages else ""
        parts: list[Part] = [
            (f"{document.label}  ", "bold"),
            (f"claim {detail.passage + 1}/{len(document.passages)}\n", "dim"),
            text,
            "\n",
            *_source_line(detail.view),
        ]
        annotation = detail.versions[0] if detail.versions else None
        conflict = detail.view.first_conflict
        if conflict is not None and (annotation is None or annotation.status != "contested"):
            # Shown before the counterparts, so it is in view; it never tags by itself.
            index, first = conflict
            other = detail.documents[detail.counterparts[index].doc]
            parts += [("suggested tag: contested (x) · ", "bold"), f"{first.describe()} "]
            parts.append(f"({other.label})\n")
        parts += _notes(detail)
        if detail.matching:
            parts.append(("\nmatching…", "italic dim"))
        elif not detail.counterparts:
            parts.append(("\nno counterpart in the other documents", "dim"))
        parts += _counterparts(detail, text)
        self.update(Content.assemble(*map(_shown, parts)))


def _notes(detail: ClaimDetail) -> list[Part]:
    """The active annotation's tag, its review flag and note, and the other annotations."""
    parts: list[Part] = []
    annotation = detail.versions[0] if detail.versions else None
    if annotation is None:
        return parts
    if annotation.status:
        mark = "✓ corroborated" if annotation.status == "corroborated" else "✗ contested"
        parts.append((f"\n{mark}", "bold"))
    if detail.review is not None:
        parts.append((f"\n⚠ to confirm: {detail.review}; tagged as “", "bold"))
        parts += [sanitize_line(excerpt(annotation.claim, 200)), ("” (c/x/u confirms)", "bold")]
    if annotation.note:
        parts += [("\nnote: ", "bold"), sanitize(excerpt(annotation.note, NOTE_SHOWN))]
    if len(detail.versions) > 1:
        others = "; ".join(_version_summary(a) for a in detail.versions[1:])
        parts.append((f"\n{len(detail.versions)} annotations on this claim (v: next): ", "bold"))
        parts.append(sanitize_line(others))
    return parts


def _counterparts(detail: ClaimDetail, text: str) -> list[Part]:
    """Each shown counterpart, best first, with the word difference and its provenance."""
    parts: list[Part] = []
    shown = detail.counterparts[:COUNTERPARTS_SHOWN]
    for index, (counterpart, provenance) in enumerate(
        zip(shown, detail.view.counterparts, strict=True)
    ):
        other = detail.documents[counterpart.doc]
        other_text = other.passages[counterpart.passage].text
        heading = f"\n{counterpart.strength} {counterpart.score:.0f} · {other.label}: "
        parts += [(heading, "bold"), _difference(text, other_text)]
        details = [provenance.independence()]
        if provenance.attribution_b:
            details.insert(0, f"source: {provenance.attribution_b.describe()}")
        parts.append(("\n    " + " · ".join(details), "italic"))
        for line in detail.why[index] if index < len(detail.why) else ():
            parts.append(("\n    " + sanitize_line(line), "italic"))
        if provenance.conflicts:
            flags = " · ".join(conflict.describe() for conflict in provenance.conflicts)
            parts += [("\n    ⚠ differs: ", "bold"), flags]
    hidden = len(detail.counterparts) - len(shown)
    if hidden > 0:
        parts.append((f"\n… and {hidden} more counterpart(s), weaker", "dim"))
    return parts


def _version_summary(annotation: Annotation) -> str:
    note = " ".join(annotation.note.split())
    return f"{annotation.status or 'no tag'}" + (f", note “{excerpt(note, 60)}”" if note else "")


def _source_line(view: ClaimView) -> list[Part]:
    """Who the claim is attributed to: in the sentence, else in its paragraph."""
    if view.attribution and view.from_paragraph:
        return [("source (paragraph): ", "bold"), view.attribution.describe(), "\n"]
    if view.attribution:
        return [("source: ", "bold"), view.attribution.describe(), "\n"]
    return [("source: not stated\n", "dim")]


def _difference(claim: str, other: str) -> Content:
    """The counterpart's text with words the claim does not share underlined (numbers bold)."""
    _, marks = align_words(claim, other)
    pieces: list[Part] = []
    position = 0
    for mark in marks:
        pieces.append(other[position : mark.start])
        word = other[mark.start : mark.end]
        if mark.shared:
            pieces.append(word)
        else:
            pieces.append((word, "bold underline" if mark.is_number else "underline"))
        position = mark.end
    pieces.append(other[position:])
    return Content.assemble(*map(_shown, pieces))


def _shown(part: Part) -> Part:
    """A part with the document's bidirectional overrides shown, not obeyed (a loaded text
    keeps them, so that its id does not change; text_policy.py)."""
    if isinstance(part, str):
        return sanitize(part)
    if isinstance(part, tuple):
        return (sanitize(part[0]), part[1])
    return part
