"""The user documentation stays true: links resolve, every binding id and command it names
exists, and every workstation command is documented."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from reader.ui.keymap import binding_ids
from reader.ui.screens.commands import COMMANDS
from tests.support.paths import PROJECT

DOCS = [PROJECT / "README.md", PROJECT / "CONTRIBUTING.md", PROJECT / "CHANGELOG.md"]
DOCS += sorted((PROJECT / "docs").glob("*.md"))
_LINK = re.compile(r"\]\(([^)\s]+)\)")


def _anchors(path: Path) -> set[str]:
    """GitHub's anchors for a Markdown file's headings."""
    found = set()
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.startswith("#"):
            title = line.lstrip("#").strip().lower()
            found.add(re.sub(r"[^\w\- ]", "", title).replace(" ", "-"))
    return found


@pytest.mark.parametrize("doc", DOCS, ids=lambda p: p.name)
def test_every_relative_link_resolves(doc: Path) -> None:
    prose = re.sub(r"`[^`\n]*`", "", doc.read_text(encoding="utf-8"))  # code is not a link
    for link in _LINK.findall(prose):
        if link.startswith(("http://", "https://", "mailto:")):
            continue
        target, _, anchor = link.partition("#")
        path = (doc.parent / target).resolve() if target else doc
        assert path.exists(), f"{doc.name}: {link} points at nothing"
        if anchor:
            assert anchor in _anchors(path), f"{doc.name}: {link} has no such heading"


def test_the_keys_page_lists_every_binding_id_and_no_other() -> None:
    text = (PROJECT / "docs" / "workstation.md").read_text(encoding="utf-8")
    named = set(re.findall(r"`([a-z]+\.[a-z_]+)`", text))
    ids = binding_ids()
    assert ids <= named, f"not documented: {sorted(ids - named)}"
    unknown = {name for name in named - ids if not name.endswith((".md", ".toml", ".py"))}
    assert not unknown, f"documented but not bound: {sorted(unknown)}"


def test_the_readme_key_table_matches_the_bindings() -> None:
    readme = (PROJECT / "README.md").read_text(encoding="utf-8")
    table = readme.split("## Keys", 1)[1].split("\n## ", 1)[0]
    for command in COMMANDS:
        if command.show:
            first = command.keys.split(",")[0]
            shown = {"slash": "/", "right_square_bracket": "]", "enter": "enter", "tab": "tab"}
            assert f"`{shown.get(first, first)}`" in table, f"{command.id} ({first}) missing"


def test_every_command_the_readme_names_exists() -> None:
    from reader.cli import main

    readme = (PROJECT / "README.md").read_text(encoding="utf-8")
    table = readme.split("## Commands", 1)[1].split("\n## ", 1)[0]
    for name in re.findall(r"`reader ([a-z]+) ", table):
        with pytest.raises(SystemExit) as exit_:
            main([name, "--help"])
        assert exit_.value.code == 0, name
