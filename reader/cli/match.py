"""``reader match``: print the matching passages of documents as text or JSON."""

from __future__ import annotations

import argparse
import gc
import sys
from collections.abc import Mapping, Sequence
from dataclasses import asdict, replace
from typing import TextIO

from reader import PROGRAM
from reader.cli.arguments import add_max_size, load_documents, score_threshold
from reader.core.documents.document import Document
from reader.core.documents.text_policy import sanitize_line
from reader.core.export.json_text import json_line
from reader.core.matching._cores import usable_cores
from reader.core.matching.counterparts import top_matches
from reader.core.matching.explanation import Explanation
from reader.core.matching.matcher import Match, MatchResult, MatchSettings, match_documents
from reader.core.matching.tokens import surface_words

_PREVIEW = 90


def match_command(argv: list[str]) -> int:
    """``reader match``: parse the arguments, load the documents, print the matches."""
    # A one-shot process that makes hundreds of thousands of small objects and no cycles
    # worth collecting: the cyclic collector would only walk them again and again (5% of
    # the run on two long documents).
    gc.disable()

    parser = argparse.ArgumentParser(
        prog=f"{PROGRAM} match",
        description="Print the passages that tell the same claim across documents.",
    )
    parser.add_argument("paths", nargs="+", metavar="PATH", help="documents or folders of them")
    parser.add_argument("--json", action="store_true", help="print JSON instead of text")
    parser.add_argument(
        "--explain",
        action="store_true",
        help="also say which numbers agree and which numbers and names one side alone has "
        "(with --json: an 'explanation' object per match)",
    )
    parser.add_argument(
        "--min-score",
        type=score_threshold,
        default=None,
        metavar="N",
        help="report matches scoring N or more, 0-100 (default: the tuned threshold)",
    )
    parser.add_argument(
        "--top",
        type=_positive,
        default=None,
        metavar="N",
        help="show only each passage's N best counterparts in each other document",
    )
    add_max_size(parser)
    options = parser.parse_args(argv)
    documents = load_documents(options.paths, options.max_size)
    return run_match(
        documents,
        as_json=options.json,
        explain=options.explain,
        min_score=options.min_score,
        top=options.top,
    )


def run_match(
    documents: Sequence[Document],
    *,
    as_json: bool = False,
    explain: bool = False,
    min_score: float | None = None,
    top: int | None = None,
    out: TextIO | None = None,
) -> int:
    """Match the documents and print the result; return the exit code."""
    out = out or sys.stdout
    # A one-shot process without threads: the passages' features may be made on every core.
    settings = MatchSettings(processes=usable_cores())
    if min_score is not None:
        settings = replace(settings, min_score=min_score)
    result = match_documents(documents, settings)
    matches = result.matches if top is None else top_matches(result.matches, top)
    if as_json:
        head = {
            "documents": [
                {
                    "path": str(d.path),
                    "id": d.id,
                    "title": d.title,
                    "encoding": d.encoding,
                    "story": story,
                }
                for d, story in zip(documents, result.stories, strict=True)
            ],
            "settings": {
                "min_score": settings.min_score,
                "strong_score": settings.strong_score,
                **({"top": top} if top is not None else {}),
            },
        }
        # json.dumps without indent runs the C encoder; json.dump never does.
        out.write(json_line(head)[:-1])
        out.write(', "matches": [')
        if explain:
            out.write(", ".join(json_line(_match_json(m, result)) for m in matches))
        else:
            out.write(", ".join(map(_match_text, matches)))
        out.write("]}\n")
        return 0
    for document in documents:
        if document.warnings:
            note = f"reader: note: {document.path}: {'; '.join(document.warnings)}"
            print(sanitize_line(note), file=sys.stderr)
    if len(documents) < 2:
        out.write("only one document: nothing to match it against\n")
        return 0
    for match in matches:
        doc_a, doc_b = documents[match.a.doc], documents[match.b.doc]
        passage_a = doc_a.text[match.a.start : match.a.end]
        explanation = result.explain(match)
        aliases = result.aliases_for(match)
        spellings = aliases.spellings if aliases else None
        shared = ", ".join(surface_words(passage_a, explanation.shared_words[:5], spellings))
        out.write(f"{match.strength:7} {match.score:5.1f}  shared: {shared}\n")
        for reason in explanation.reasons:
            out.write(sanitize_line(f"  {reason}") + "\n")
        out.write(f"  {doc_a.label}: {_preview(passage_a)}\n")
        passage_b = doc_b.text[match.b.start : match.b.end]
        out.write(f"  {doc_b.label}: {_preview(passage_b)}\n")
        if explain:
            texts = (passage_a, passage_b)
            out.write(_differences(explanation, (doc_a.label, doc_b.label), texts, spellings))
    strong = sum(1 for m in matches if m.strength == "strong")
    shown = "" if top is None else f" (the best {top} of each passage in each document)"
    # Passages of different stories never match: say that there are several.
    told = (
        f" in {result.story_count} stories (reader match --json names each document's story)"
        if result.story_count > 1
        else ""
    )
    out.write(
        f"{len(matches)} matches ({strong} strong){shown} across {len(documents)} documents{told}\n"
    )
    return 0


def _match_json(match: Match, result: MatchResult) -> dict[str, object]:
    return {
        "a": {"doc": match.a.doc, "start": match.a.start, "end": match.a.end},
        "b": {"doc": match.b.doc, "start": match.b.start, "end": match.b.end},
        "score": match.score,
        "strength": match.strength,
        "explanation": asdict(result.explain(match)),
    }


def _match_text(match: Match) -> str:
    """One match as json.dumps writes it, without building the dictionaries: a long pair of
    documents has tens of thousands of matches. Every field is a number or a fixed word."""
    a, b = match.a, match.b
    return (
        f'{{"a": {{"doc": {a.doc}, "start": {a.start}, "end": {a.end}}}, '
        f'"b": {{"doc": {b.doc}, "start": {b.start}, "end": {b.end}}}, '
        f'"score": {match.score!r}, "strength": "{match.strength}"}}'
    )


def _differences(
    explanation: Explanation,
    labels: tuple[str, str],
    texts: tuple[str, str],
    spellings: Mapping[str, str] | None,
) -> str:
    """The --explain lines of the text output: agreeing numbers, and what one side alone has,
    names as that side writes them ("Mohammed", not "moham")."""
    lines = []
    if explanation.agreeing_numbers:
        lines.append("numbers in both: " + ", ".join(explanation.agreeing_numbers))
    for label, text, numbers, names in (
        (labels[0], texts[0], explanation.numbers_only_a, explanation.names_only_a),
        (labels[1], texts[1], explanation.numbers_only_b, explanation.names_only_b),
    ):
        alone = [*numbers, *dict.fromkeys(surface_words(text, names, spellings))]
        if alone:
            lines.append(f"only in {label}: " + ", ".join(alone))
    return "".join(sanitize_line(f"  {line}") + "\n" for line in lines)


def _preview(text: str) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= _PREVIEW else flat[: _PREVIEW - 1] + "…"


def _positive(text: str) -> int:
    """A count of one or more, for ``--top``."""
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a whole number: {text!r}") from None
    if value < 1:
        raise argparse.ArgumentTypeError(f"must be 1 or more: {value}")
    return value
