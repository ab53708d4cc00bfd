"""Export and import: every format, hostile notes, round trips, conflicts, dry runs."""

from __future__ import annotations

import csv
import io
import json
import shutil
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest
from markdown_it import MarkdownIt

from reader.cli import main
from reader.core.documents.document import Document
from reader.core.documents.loading import load_document
from reader.core.documents.text_policy import sanitize
from reader.core.export.csv_table import CSV_COLUMNS
from reader.core.export.formats import export
from reader.core.export.records import (
    EvidenceQuote,
    NoteRecord,
    NotesExport,
    Quote,
    SourceDocument,
)
from reader.core.provenance.claim_view import CounterpartText, view_claim
from reader.core.provenance.comparison import paragraph_attribution, passage_sources
from reader.store.annotation import Annotation, Evidence, Target
from reader.store.exporting import gather_export
from reader.store.importing import import_notes, read_export
from reader.store.notes import NotesStore
from tests.conftest import NEWSWEEK, STRIPES

HOSTILE = (
    'He said "no", then, yes;\nnew line, [bold]markup[/bold] [link](http://x) <b>html</b> '
    "*star* _under_ `code` # not a heading\n- not a list\n1. not a list &copy; | pipe "
    "\x1b[31m escape \x07 bell ✓ ünïcode"
)
BIG = ("A long note. " * 8000)[:100_000]


@pytest.fixture
def case(tmp_path: Path) -> Path:
    """A folder with the sample documents and a notes file with three notes."""
    store, a, b = _sample_case(tmp_path)

    def target(document: Document, index: int) -> Target:
        p = document.passages[index]
        return Target.from_span(document.id, document.text, p.start, p.end)

    evidence = (Evidence(target(b, 5), 33.7, "strong"),)
    store.commit(
        [
            Annotation(target(a, 1), "corroborated", HOSTILE, evidence),
            Annotation(target(a, 10), "contested", BIG),
            Annotation(target(b, 8), None, "a note without a tag"),
        ]
    ).result()
    store.close()
    return tmp_path


def _sample_case(folder: Path) -> tuple[NotesStore, Document, Document]:
    """The two sample documents copied into ``folder``, known to a new notes file there."""
    for source in (NEWSWEEK, STRIPES):
        shutil.copy(source, folder / source.name)
    a, b = load_document(folder / NEWSWEEK.name), load_document(folder / STRIPES.name)
    store = NotesStore(folder / "reader-notes.json")
    for d in (a, b):
        store.remember_document(d.id, d.path, d.title, dict(d.metadata)).result()
    return store, a, b


def data_of(case: Path) -> NotesExport:
    store = NotesStore(case / "reader-notes.json", read_only=True)
    try:
        return gather_export(store)
    finally:
        store.close()


def from_texts(data: dict[str, Any]) -> NotesExport:
    """Records for hand-written export data (the JSON export's shape), each claim compared
    with its counterparts by their texts alone, as when the documents cannot be read."""

    def quote(target: dict[str, Any]) -> Quote:
        q, p = target["quote"], target["position"]
        return Quote(
            target["document_id"], q["exact"], q["prefix"], q["suffix"], p["start"], p["end"]
        )

    notes = []
    for item in data["annotations"]:
        evidence = tuple(
            EvidenceQuote(quote(e["target"]), e["score"], e["strength"]) for e in item["evidence"]
        )
        texts = [CounterpartText(e.target.exact, None, e.strength) for e in evidence]
        notes.append(
            NoteRecord(
                item["id"], item.get("schema", 1), item["status"], item["note"],
                quote(item["target"]), evidence, item["created"], item["updated"],
                item.get("orphaned", False), item.get("anchor", "exact"),
                view_claim(item["claim"], None, texts),
            )
        )  # fmt: skip
    documents = tuple(
        SourceDocument(d["id"], d["path"], d["title"], d.get("metadata", {}))
        for d in data["documents"]
    )
    return NotesExport(documents, tuple(notes))


def without_documents(export: NotesExport) -> NotesExport:
    """The same notes with their views from the texts alone (no paragraph to fall back on)."""
    return replace(
        export,
        notes=tuple(
            replace(
                note,
                view=view_claim(
                    note.claim,
                    None,
                    [CounterpartText(e.target.exact, None, e.strength) for e in note.evidence],
                ),
            )
            for note in export.notes
        ),
    )


def test_json_round_trips_through_import(case: Path, tmp_path: Path) -> None:
    first = export(data_of(case), "json")
    exported = tmp_path / "export.json"
    exported.write_text(first, encoding="utf-8")
    fresh = NotesStore(tmp_path / "fresh.json")
    report = import_notes(fresh, read_export(exported))
    assert len(report.added) == 3
    assert report.conflicts == []
    fresh.close()
    again = NotesStore(tmp_path / "fresh.json", read_only=True)
    second = export(gather_export(again), "json")
    assert json.loads(second)["annotations"] == json.loads(first)["annotations"]
    assert json.loads(second)["annotations"][0]["note"] == HOSTILE


def test_import_keeps_both_versions_on_conflict_and_dry_run_changes_nothing(
    case: Path, tmp_path: Path
) -> None:
    payload = json.loads(export(data_of(case), "json"))
    payload["annotations"][0]["note"] = "edited by a colleague"
    exported = tmp_path / "colleague.json"
    exported.write_text(json.dumps(payload), encoding="utf-8")
    db = case / "reader-notes.json"
    before = db.read_bytes()
    assert main(["import", str(exported), "--db", str(db), "--dry-run"]) == 0
    assert db.read_bytes() == before
    assert main(["import", str(exported), "--db", str(db)]) == 0
    store = NotesStore(db, read_only=True)
    notes = [a.note for a in store.annotations()]
    assert HOSTILE in notes
    assert "edited by a colleague" in notes
    assert len(notes) == 4


def test_import_refuses_what_is_not_an_export(tmp_path: Path) -> None:
    bad = tmp_path / "bad.json"
    bad.write_text('{"annotations": []}', encoding="utf-8")
    assert main(["import", str(bad), "--db", str(tmp_path / "n.json")]) == 1


def test_csv_reads_back_with_every_note_intact(case: Path) -> None:
    rows = list(csv.DictReader(io.StringIO(export(data_of(case), "csv"), newline="")))
    assert tuple(rows[0]) == CSV_COLUMNS
    by_note = {row["note"]: row for row in rows}
    assert sanitize(HOSTILE) in by_note  # every character kept, controls as placeholders
    assert BIG in by_note
    hostile = by_note[sanitize(HOSTILE)]
    assert hostile["status"] == "corroborated"
    assert hostile["counterpart_count"] == "1"
    assert hostile["counterpart_sources"] == "Stars and Stripes"
    assert hostile["document_path"].endswith(NEWSWEEK.name)
    assert hostile["orphaned"] == "no"
    assert by_note["a note without a tag"]["status"] == ""


def test_csv_disarms_spreadsheet_formulas() -> None:
    data = {
        "documents": [],
        "annotations": [
            {
                **Annotation(Target.from_span("d", "=SUM(A1)", 0, 8), note="=1+1").to_dict(),
                "orphaned": False,
            }
        ],
    }
    row = next(csv.DictReader(io.StringIO(export(from_texts(data), "csv"), newline="")))
    assert row["note"] == "'=1+1"
    assert row["claim"] == "'=SUM(A1)"


def test_markdown_memo_parses_and_keeps_hostile_text_as_text(case: Path) -> None:
    memo = export(data_of(case), "md")
    tokens = MarkdownIt("commonmark").enable("table").parse(memo)
    kinds = {t.type for t in tokens}
    assert "table_open" in kinds
    assert "blockquote_open" in kinds
    inline = [t for t in tokens if t.type == "inline"]
    children = [c for t in inline for c in (t.children or [])]
    assert not [c for c in children if c.type in ("link_open", "html_inline", "code_inline")]
    assert not [t for t in tokens if t.type in ("html_block", "bullet_list_open", "ordered_list_open")
                and t.map and "not a list" in memo.splitlines()[t.map[0]]]  # fmt: skip
    text = "".join(c.content for c in children if c.type == "text")
    for piece in ("[bold]markup[/bold]", "[link](http://x)", "<b>html</b>", "*star*", "&copy;",
                  "# not a heading", "- not a list", "1. not a list", "`code`"):  # fmt: skip
        assert piece in text, piece
    assert "## Corroborated" in memo
    assert "## Contested" in memo
    assert "## Notes without a tag" in memo


def test_markdown_marks_orphans(case: Path) -> None:
    path = case / NEWSWEEK.name
    path.write_text(path.read_text(encoding="utf-8").replace("Eighteen", "Twenty"), "utf-8")
    path.write_text(
        path.read_text(encoding="utf-8").replace("reportedly deserted", "fled"), "utf-8"
    )
    memo = export(data_of(case), "md")
    assert "## Orphaned notes" in memo


def test_jsonld_follows_the_web_annotation_model(case: Path) -> None:
    collection = json.loads(export(data_of(case), "jsonld"))
    context = collection["@context"]
    assert "http://www.w3.org/ns/anno.jsonld" in context
    # The extension context declares only our prefix: no Web Annotation term is redefined.
    assert [c for c in context if isinstance(c, dict)] == [{"reader": "urn:reader:vocab:"}]
    assert collection["type"] == "AnnotationCollection"
    assert collection["id"].startswith("urn:")
    items = collection["first"]["items"]
    assert collection["total"] == len(items) == 3
    assert collection["first"]["type"] == "AnnotationPage"
    for item in items:
        assert item["type"] == "Annotation"
        assert item["id"].startswith("urn:uuid:")
        assert item["motivation"] == "assessing"
        assert item["target"]
        for target in item["target"]:
            assert target["type"] == "SpecificResource"
            assert target["source"].startswith(("file:///", "urn:sha256:"))
            kinds = [s["type"] for s in target["selector"]]
            assert kinds == ["TextQuoteSelector", "TextPositionSelector"]
            position = target["selector"][1]
            assert 0 <= position["start"] <= position["end"]
        for body in item.get("body", []):
            assert body["type"] == "TextualBody"
            assert body["purpose"] in ("tagging", "commenting", "describing")
            assert isinstance(body["value"], str)
    tagged = next(i for i in items if any(b["value"] == "corroborated" for b in i["body"]))
    assert any(b["value"] == HOSTILE for b in tagged["body"] if b["purpose"] == "commenting")
    assert len(tagged["target"]) == 2  # the claim and its counterpart


def test_export_command_writes_atomically_and_filters(case: Path) -> None:
    out = case / "memo.csv"
    db = str(case / "reader-notes.json")
    assert main(["export", "--db", db, "--format", "csv", "-o", str(out)]) == 0
    assert len(list(csv.DictReader(out.open(encoding="utf-8", newline="")))) == 3
    assert (
        main(["export", "--db", db, "--format", "csv", "-o", str(out), "--status", "contested"])
        == 0
    )
    rows = list(csv.DictReader(out.open(encoding="utf-8", newline="")))
    assert [r["status"] for r in rows] == ["contested"]


def test_export_without_notes_file_is_a_clear_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["export", "--db", str(tmp_path / "none.json"), "--format", "md"]) == 1
    assert "no notes file" in capsys.readouterr().err


def test_every_format_carries_attribution_independence_and_conflicts(case: Path) -> None:
    data = data_of(case)
    memo = export(data, "md")
    assert "Attributed to: Suspilne" in memo
    assert "same source: Suspilne" in memo
    assert "1 of 1 corroborated claims rest on a single upstream source" in memo
    rows = list(csv.DictReader(io.StringIO(export(data, "csv"))))
    desertion = next(r for r in rows if r["status"] == "corroborated")
    assert desertion["attribution"] == "Suspilne"
    assert desertion["independence"] == "same source: Suspilne"
    assert desertion["conflicts"] == ""
    payload = json.loads(export(data, "json"))
    [corroborated] = [a for a in payload["annotations"] if a["status"] == "corroborated"]
    provenance = payload["provenance"][corroborated["id"]]
    assert provenance["attribution"] == [
        {
            "text": "Ukraine's public broadcaster, Suspilne",
            "name": "Suspilne",
            "role": "relay",
            "resolved": None,
        }
    ]
    assert provenance["single_source"] is True
    [counterpart] = provenance["counterparts"]
    assert counterpart["shared_sources"] == ["Suspilne"]
    assert counterpart["conflicts"] == []
    items = json.loads(export(data, "jsonld"))["first"]["items"]
    [annotation] = [i for i in items if i["id"] == corroborated["id"]]
    assert annotation["reader:attribution"] == [
        {f"reader:{key}": value for key, value in source.items()}
        for source in provenance["attribution"]
    ]
    assert annotation["reader:singleSource"] is True
    described = [b["value"] for b in annotation["body"] if b["purpose"] == "describing"]
    assert described == [
        "Attributed to: Suspilne\nStars and Stripes: same source: Suspilne\n"
        "Rests on a single upstream source."
    ]
    [claim, other] = annotation["target"]
    assert "reader:independence" not in claim
    assert other["reader:sharedSources"] == ["Suspilne"]
    assert other["reader:independence"] == "same source: Suspilne"
    assert other["reader:conflicts"] == []


def test_a_claim_without_a_source_takes_its_paragraphs_as_the_panel_does(
    tmp_path: Path,
) -> None:
    store, a, b = _sample_case(tmp_path)
    # "The soldiers were stationed ..." names no source; its paragraph credits Suspilne.
    claim, other = a.passages[2], b.passages[5]
    evidence = Evidence(Target.from_span(b.id, b.text, other.start, other.end), 37.9, "strong")
    target = Target.from_span(a.id, a.text, claim.start, claim.end)
    store.commit([Annotation(target, "corroborated", "", (evidence,))]).result()
    data = gather_export(store)
    store.close()
    [note] = data.notes
    # The claim takes its paragraph's sources; the counterpart names its own.
    assert note.view.from_paragraph
    assert note.view.attribution == paragraph_attribution(a, 2)
    assert note.view.counterparts[0].attribution_b == passage_sources(b, 5).own
    # "the broadcaster" in the paragraph's last sentence is Suspilne, named in its first.
    chain = "Suspilne ← Intelligence sources"
    memo = export(data, "md")
    assert f"Attributed to: {chain} (paragraph)" in memo
    assert "same source: Suspilne" in memo
    assert "1 of 1 corroborated claims rest on a single upstream source" in memo
    [row] = csv.DictReader(io.StringIO(export(data, "csv")))
    assert row["attribution"] == f"{chain} (paragraph)"
    payload = json.loads(export(data, "json"))
    [provenance] = payload["provenance"].values()
    assert provenance["attribution_from_paragraph"] is True
    assert provenance["single_source"] is True
    assert "contexts" not in payload  # derived, not part of the lossless export
    [item] = json.loads(export(data, "jsonld"))["first"]["items"]
    assert item["reader:attributionFromParagraph"] is True
    # Without the documents there is no paragraph: the texts alone are compared.
    alone = export(without_documents(data), "md")
    assert "Attributed to" not in alone
    assert "sources not stated in both" in alone


def _conflicting_case() -> dict[str, Any]:
    """One contested note whose counterpart differs in a number (6 vs 9)."""
    return {
        "documents": [],
        "annotations": [
            {
                "id": "urn:uuid:3f0c2a4e-9a51-4c3e-8a1b-2d4e5f607182",
                "document_id": "a",
                "status": "contested",
                "note": "",
                "claim": "Six officers were killed on Tuesday, police said.",
                "target": {
                    "document_id": "a",
                    "quote": {"exact": "Six officers", "prefix": "", "suffix": " were"},
                    "position": {"start": 0, "end": 12},
                },
                "evidence": [
                    {
                        "target": {
                            "document_id": "b",
                            "quote": {
                                "exact": "Nine officers were killed on Tuesday.",
                                "prefix": "",
                                "suffix": "",
                            },
                            "position": {"start": 0, "end": 37},
                        },
                        "score": 60.0,
                        "strength": "strong",
                    }
                ],
                "created": "",
                "updated": "",
            }
        ],
    }


def test_memo_shows_a_conflicting_detail_of_a_counterpart() -> None:
    data = from_texts(_conflicting_case())
    assert "differs: number: 6 vs 9" in export(data, "md")
    [annotation] = json.loads(export(data, "jsonld"))["first"]["items"]
    counterpart = annotation["target"][1]
    assert counterpart["reader:conflicts"] == [
        {"reader:kind": "number", "reader:a": "6", "reader:b": "9"}
    ]
    assert counterpart["reader:suggestion"] == "contested"
    assert "differs: number: 6 vs 9" in annotation["body"][-1]["value"]


def _leaves(value: object) -> list[object]:
    """Every string and number in a JSON value, keys excluded, and so are the context and
    the values that are terms (a type, a purpose), which expand to IRIs."""
    if isinstance(value, dict):
        skip = ("@context", "type", "purpose", "motivation")
        return [leaf for key, item in value.items() if key not in skip for leaf in _leaves(item)]
    if isinstance(value, list):
        return [leaf for item in value for leaf in _leaves(item)]
    return [value] if isinstance(value, str | int | float) and not isinstance(value, bool) else []


@pytest.mark.parametrize("which", ["sample case", "a conflicting detail"])
def test_jsonld_expands_without_losing_a_value(case: Path, which: str) -> None:
    from pyld import jsonld

    from tests.hostile.anno_context import load_document as local_context

    data = data_of(case) if which == "sample case" else from_texts(_conflicting_case())
    written = json.loads(export(data, "jsonld"))
    expanded = jsonld.expand(written, {"documentLoader": local_context})
    kept = {str(v) for v in _leaves(expanded)}
    # Every value is in the expanded graph, nested ones too: no key was an undeclared term.
    lost = [v for v in _leaves(written) if str(v) not in kept]
    assert lost == []
    if which == "a conflicting detail":
        assert {"number", "6", "9"} <= kept


def test_memo_line_breaks_in_notes_and_outlets_make_no_headings() -> None:
    item = Annotation(
        Target.from_span("d", "A claim.", 0, 8), "contested", "first\r# Injected heading"
    ).to_dict()
    data = {
        "documents": [{"id": "d", "path": "/x.md", "title": "T",
                       "metadata": {"outlet": "Outlet\n# Fake section\n\u2028## Also"}}],
        "annotations": [{**item, "orphaned": False}],
    }  # fmt: skip
    memo = export(from_texts(data), "md")
    tokens = MarkdownIt("commonmark").enable("table").parse(memo)
    headings = [memo.splitlines()[t.map[0]] for t in tokens if t.type == "heading_open" and t.map]
    assert not [h for h in headings if "Injected" in h or "Fake" in h or "Also" in h]
    assert "Injected heading" in memo


def test_csv_disarms_every_text_column_and_hidden_prefixes() -> None:
    annotation = Annotation(Target.from_span("d", "\t=1+1", 0, 5), note="\r=HYPERLINK(1)")
    record = {**annotation.to_dict(), "id": "=HYPERLINK(\"http://x\")", "created": "+1",
              "updated": " @SUM(1)", "orphaned": False}  # fmt: skip
    row = next(
        csv.DictReader(
            io.StringIO(export(from_texts({"documents": [], "annotations": [record]}), "csv"))
        )
    )
    for column in ("id", "created", "updated", "claim"):
        assert row[column].startswith("'"), column
    assert not row["note"].startswith(("=", "\r"))


def test_json_exports_escape_c1_controls_and_refuse_nan() -> None:
    from reader.core.export.json_text import json_text

    assert json_text({"note": "a\x9b31mb"}) == '{\n "note": "a\\u009b31mb"\n}\n'
    assert json.loads(json_text({"note": "a\x9b31mb"}))["note"] == "a\x9b31mb"
    with pytest.raises(ValueError, match="JSON compliant"):
        json_text({"score": float("nan")})
