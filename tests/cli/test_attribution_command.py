"""``reader attribution``: every passage with its chain, as text and as JSON."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest

from reader.cli import main
from reader.cli.attribution import run_attribution
from reader.core.documents.loading import load_document
from tests.support.paths import NEWSWEEK, STRIPES

PASSAGE_KEYS = {"doc", "start", "end", "chain", "from_paragraph", "resolved_pronoun"}


def as_json(*paths: Path) -> dict[str, object]:
    out = io.StringIO()
    assert run_attribution([load_document(p) for p in paths], as_json=True, out=out) == 0
    payload: dict[str, object] = json.loads(out.getvalue())
    return payload


def test_json_lists_every_passage_with_exactly_the_documented_keys() -> None:
    payload = as_json(NEWSWEEK, STRIPES)
    assert set(payload) == {"documents", "passages"}
    documents = payload["documents"]
    assert isinstance(documents, list)
    assert [set(d) for d in documents] == [{"path", "id", "title"}] * 2
    passages = payload["passages"]
    assert isinstance(passages, list)
    loaded = [load_document(NEWSWEEK), load_document(STRIPES)]
    assert len(passages) == sum(len(d.passages) for d in loaded)
    for item in passages:
        assert set(item) == PASSAGE_KEYS
        assert isinstance(item["doc"], int)
        assert isinstance(item["start"], int)
        assert isinstance(item["from_paragraph"], bool)
        assert item["resolved_pronoun"] is None or isinstance(item["resolved_pronoun"], str)
        for link in item["chain"]:
            assert set(link) == {"text", "name", "role"}
            assert link["role"] in ("relay", "speaker", "cited")
        document = loaded[item["doc"]]
        assert any(p.start == item["start"] and p.end == item["end"] for p in document.passages)
    assert sum(1 for p in passages if not p["chain"]) > 0  # unattributed passages are listed too


def passage_of(payload: dict[str, object], path: Path, starts_with: str) -> dict[str, object]:
    document = load_document(path)
    target = next(p for p in document.passages if p.text.startswith(starts_with))
    passages = payload["passages"]
    assert isinstance(passages, list)
    found: dict[str, object] = next(p for p in passages if p["start"] == target.start)
    return found


def test_json_marks_paragraph_chains_and_resolved_pronouns() -> None:
    payload = as_json(NEWSWEEK)
    stationed = passage_of(payload, NEWSWEEK, "The soldiers were stationed")
    assert stationed["from_paragraph"] is True
    chain = stationed["chain"]
    assert isinstance(chain, list)
    assert [link["name"] for link in chain] == ["Suspilne", None]
    confirmed = passage_of(payload, NEWSWEEK, "He also confirmed")
    assert confirmed["from_paragraph"] is False
    assert confirmed["resolved_pronoun"] == "Kim Yong-hyun"
    assert confirmed["chain"] == [{"text": "He", "name": "Kim Yong-hyun", "role": "speaker"}]
    own = passage_of(payload, NEWSWEEK, "Eighteen North Korean soldiers")
    assert own["chain"] == [
        {"text": "Ukraine's public broadcaster, Suspilne", "name": "Suspilne", "role": "relay"}
    ]


def test_text_prints_one_line_per_passage_and_escapes_control_characters(tmp_path: Path) -> None:
    path = tmp_path / "wire.txt"
    path.write_text(
        "The dam held \x1b[31movernight\x1b[0m, the mayor said.\n\nHe said it was safe.\n",
        encoding="utf-8",
    )
    out = io.StringIO()
    run_attribution([load_document(path)], out=out)
    lines = out.getvalue().splitlines()
    assert "\x1b" not in out.getvalue()
    assert len(lines) == 3
    assert lines[0].startswith("wire.txt 0-")
    assert "  the mayor  | " in lines[0]
    assert "  He (mayor)  | He said it was safe." in lines[1]
    assert lines[-1] == "2 of 2 passages attributed across 1 documents"


def test_the_command_line_runs_attribution(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["attribution", "--json", str(NEWSWEEK)]) == 0
    assert set(json.loads(capsys.readouterr().out)) == {"documents", "passages"}
    assert main(["attribution", str(NEWSWEEK)]) == 0
    assert "Suspilne" in capsys.readouterr().out
    with pytest.raises(SystemExit):
        main(["--help"])
    assert "reader attribution PATH" in capsys.readouterr().out
