"""The detail panel: the claim under the cursor, its tag and note, its counterparts."""

from __future__ import annotations

from textual.content import Content
from textual.widgets import Static

from reader.core.align import align_words
from reader.core.model import Document
from reader.store.model import Annotation
from reader.ui.claims import Counterpart


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
        annotation: Annotation | None,
        counterparts: list[Counterpart],
        matching: bool,
    ) -> None:
        """Render the claim, its tag and note, and each counterpart with the word difference."""
        document = documents[doc]
        text = document.passages[passage].text if document.passages else ""
        parts: list[Content | tuple[str, str] | str] = [
            (f"{document.name}  ", "bold"),
            (f"claim {passage + 1}/{len(document.passages)}\n", "dim"),
            text,
            "\n",
        ]
        if annotation is not None and annotation.status:
            mark = "✓ corroborated" if annotation.status == "corroborated" else "✗ contested"
            parts.append((f"\n{mark}", "bold"))
        if annotation is not None and annotation.note:
            parts.extend([("\nnote: ", "bold"), annotation.note])
        if matching:
            parts.append(("\nmatching…", "italic dim"))
        elif not counterparts:
            parts.append(("\nno counterpart in the other documents", "dim"))
        for counterpart in counterparts[:5]:
            other = documents[counterpart.doc]
            other_text = other.passages[counterpart.passage].text
            parts.append(
                (
                    f"\n{counterpart.strength} {counterpart.score:.0f} · {other.name}: ",
                    "bold",
                )
            )
            parts.append(_difference(text, other_text))
        self.update(Content.assemble(*parts))


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
