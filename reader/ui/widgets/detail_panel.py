"""The detail panel: the claim under the cursor, its tag and note, its counterparts."""

from __future__ import annotations

from textual.content import Content
from textual.widgets import Static

from reader.core.align import align_words
from reader.core.attribution import Attribution, attribute
from reader.core.claims import Counterpart
from reader.core.decoding import excerpt, sanitize, sanitize_line
from reader.core.model import Document
from reader.core.provenance import compare, paragraph_attribution
from reader.store.model import Annotation

NOTE_SHOWN = 2000  # characters of a note shown in the panel


class DetailPanel(Static):
    """Shows one claim in full; document text is never read as markup."""

    DEFAULT_CSS = """
    DetailPanel {
        height: 12;
        border: round $panel;
        padding: 0 1;
        overflow-y: auto;
    }
    """

    def show_claim(
        self,
        documents: list[Document],
        doc: int,
        passage: int,
        versions: list[Annotation],
        review: str | None,
        counterparts: list[Counterpart],
        matching: bool,
    ) -> None:
        """Render the claim, its tag and note, and each counterpart with the word difference.

        ``versions`` are the claim's annotations, the one the keys edit first; ``review`` says
        why that one should be confirmed (its text changed), if it should.
        """
        document = documents[doc]
        annotation = versions[0] if versions else None
        text = document.passages[passage].text if document.passages else ""
        parts: list[Content | tuple[str, str] | str] = [
            (f"{sanitize_line(document.name)}  ", "bold"),
            (f"claim {passage + 1}/{len(document.passages)}\n", "dim"),
            text,
            "\n",
        ]
        context = paragraph_attribution(document, passage) if document.passages else None
        parts.extend(_source_line(text, context))
        suggestion_at = len(parts)
        if annotation is not None and annotation.status:
            mark = "✓ corroborated" if annotation.status == "corroborated" else "✗ contested"
            parts.append((f"\n{mark}", "bold"))
        if review is not None and annotation is not None:
            parts.append((f"\n⚠ to confirm: {review}; tagged as “", "bold"))
            parts.extend(
                [sanitize_line(excerpt(annotation.claim, 200)), ("” (c/x/u confirms)", "bold")]
            )
        if annotation is not None and annotation.note:
            parts.extend([("\nnote: ", "bold"), sanitize(excerpt(annotation.note, NOTE_SHOWN))])
        if len(versions) > 1:
            others = "; ".join(_version_summary(a) for a in versions[1:])
            parts.append((f"\n{len(versions)} annotations on this claim (v: next): ", "bold"))
            parts.append(sanitize_line(others))
        if matching:
            parts.append(("\nmatching…", "italic dim"))
        elif not counterparts:
            parts.append(("\nno counterpart in the other documents", "dim"))
        shown = counterparts[:5]
        found = [
            compare(
                text,
                documents[c.doc].passages[c.passage].text,
                context,
                paragraph_attribution(documents[c.doc], c.passage),
            )
            for c in shown
        ]
        flagged = [(c, f) for c, f in zip(shown, found, strict=True) if f.conflicts]
        if flagged and (annotation is None or annotation.status != "contested"):
            # Shown before the counterparts, so it is in view; it never tags by itself.
            counterpart, provenance = flagged[0]
            why = f"{provenance.conflicts[0].describe()} ({documents[counterpart.doc].name})"
            parts.insert(suggestion_at, ("suggested tag: contested (x) · ", "bold"))
            parts.insert(suggestion_at + 1, why + "\n")
        for counterpart, provenance in zip(shown, found, strict=True):
            other = documents[counterpart.doc]
            other_text = other.passages[counterpart.passage].text
            parts.append(
                (
                    f"\n{counterpart.strength} {counterpart.score:.0f} · {other.name}: ",
                    "bold",
                )
            )
            parts.append(_difference(text, other_text))
            notes = [provenance.independence()]
            if provenance.attribution_b:
                notes.insert(0, f"source: {provenance.attribution_b.describe()}")
            parts.append(("\n    " + " · ".join(notes), "italic"))
            if provenance.conflicts:
                flags = " · ".join(conflict.describe() for conflict in provenance.conflicts)
                parts.append(("\n    ⚠ differs: ", "bold"))
                parts.append(flags)
        self.update(Content.assemble(*parts))


def _version_summary(annotation: Annotation) -> str:
    note = " ".join(annotation.note.split())
    return f"{annotation.status or 'no tag'}" + (f", note “{excerpt(note, 60)}”" if note else "")


def _source_line(text: str, context: Attribution | None) -> list[tuple[str, str] | str]:
    """Who the claim is attributed to: in the sentence, else in its paragraph (``context``)."""
    own = attribute(text)
    if own:
        return [("source: ", "bold"), own.describe(), "\n"]
    if context:
        return [("source (paragraph): ", "bold"), context.describe(), "\n"]
    return [("source: not stated\n", "dim")]


def _difference(claim: str, other: str) -> Content:
    """The counterpart's text with words the claim does not share underlined (numbers bold)."""
    _, marks = align_words(claim, other)
    pieces: list[Content | tuple[str, str] | str] = []
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
    return Content.assemble(*pieces)
