"""The export writers on records written by hand: no text becomes syntax, a differing detail."""

from __future__ import annotations

import csv
import io
import json

import pytest
from markdown_it import MarkdownIt

from reader.core.export.formats import export
from reader.store.annotation import Annotation, Target
from tests.support.export_data import (
    conflicting_case,
    from_texts,
)


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


def test_memo_shows_a_conflicting_detail_of_a_counterpart() -> None:
    data = from_texts(conflicting_case())
    assert "differs: number: 6 vs 9" in export(data, "md")
    [annotation] = json.loads(export(data, "jsonld"))["first"]["items"]
    counterpart = annotation["target"][1]
    assert counterpart["reader:conflicts"] == [
        {"reader:kind": "number", "reader:a": "6", "reader:b": "9"}
    ]
    assert counterpart["reader:suggestion"] == "contested"
    assert "differs: number: 6 vs 9" in annotation["body"][-1]["value"]


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


def test_every_format_cites_the_page_of_a_claim_read_from_a_pdf() -> None:
    case = conflicting_case()
    # Document "a" came from a PDF whose page 2 starts at offset 0 (page 1 held no text);
    # "b" from a PDF whose page 3 starts at 30: its counterpart at 0 is on page 2.
    case["documents"] = [
        {"id": "a", "path": "a.md", "title": "A", "metadata": {"outlet": "Gazette", "pages": "0 0"}},
        {"id": "b", "path": "b.md", "title": "B", "metadata": {"outlet": "Wire", "pages": "0 0 30"}},
    ]  # fmt: skip
    data = from_texts(case)
    memo = export(data, "md")
    assert "> — Gazette, p. 2" in memo
    assert "- Wire, p. 2 (strong, score 60)" in memo
    row = next(csv.DictReader(io.StringIO(export(data, "csv"), newline="")))
    assert row["page"] == "2"
    [note] = json.loads(export(data, "json"))["annotations"]
    assert (note["page"], note["evidence"][0]["page"]) == (2, 2)
    [annotation] = json.loads(export(data, "jsonld"))["first"]["items"]
    assert [t["reader:page"] for t in annotation["target"]] == [2, 2]


def test_a_document_without_a_page_map_has_no_page() -> None:
    data = from_texts(conflicting_case())
    assert ", p. " not in export(data, "md")
    assert "page" not in json.loads(export(data, "json"))["annotations"][0]
    row = next(csv.DictReader(io.StringIO(export(data, "csv"), newline="")))
    assert row["page"] == ""
