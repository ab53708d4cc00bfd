"""Exports gathered from a notes file in every format, and imports merged back into one."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
from markdown_it import MarkdownIt

from reader.cli import main
from reader.core.documents.text_policy import sanitize
from reader.core.export.csv_table import CSV_COLUMNS
from reader.core.export.formats import export
from reader.core.provenance.comparison import paragraph_attribution, passage_sources
from reader.store.annotation import Annotation, Evidence, Target
from reader.store.exporting import gather_export
from reader.store.importing import import_notes, read_export
from reader.store.notes import NotesStore
from tests.support.export_data import (
    BIG,
    HOSTILE,
    conflicting_case,
    data_of,
    from_texts,
    leaves,
    sample_case,
    without_documents,
)
from tests.support.paths import NEWSWEEK


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
    store, a, b = sample_case(tmp_path)
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


@pytest.mark.parametrize("which", ["sample case", "a conflicting detail"])
def test_jsonld_expands_without_losing_a_value(case: Path, which: str) -> None:
    from pyld import jsonld

    from tests.support.hostile.anno_context import load_document as local_context

    data = data_of(case) if which == "sample case" else from_texts(conflicting_case())
    written = json.loads(export(data, "jsonld"))
    expanded = jsonld.expand(written, {"documentLoader": local_context})
    kept = {str(v) for v in leaves(expanded)}
    # Every value is in the expanded graph, nested ones too: no key was an undeclared term.
    lost = [v for v in leaves(written) if str(v) not in kept]
    assert lost == []
    if which == "a conflicting detail":
        assert {"number", "6", "9"} <= kept
