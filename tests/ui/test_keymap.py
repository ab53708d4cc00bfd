"""The keys file: binding ids to keys, with clear errors."""

from __future__ import annotations

from pathlib import Path

import pytest

from reader.cli import main
from reader.ui.keymap import KeymapError, load_keymap
from tests.support.paths import NEWSWEEK


def test_reads_the_keys_table(tmp_path: Path) -> None:
    path = tmp_path / "keys.toml"
    path.write_text('[keys]\n"claim.next" = "j,down,n"\n"tag.note" = "N"\n', encoding="utf-8")
    assert load_keymap(path) == {"claim.next": "j,down,n", "tag.note": "N"}


@pytest.mark.parametrize("content", ["[keys\n", '[keys]\n"a" = 1\n', "keys = 3\n"])
def test_bad_files_are_clear_errors(tmp_path: Path, content: str) -> None:
    path = tmp_path / "keys.toml"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(KeymapError):
        load_keymap(path)


def test_cli_reports_a_bad_keys_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "keys.toml"
    path.write_text("[keys\n", encoding="utf-8")
    assert main([str(NEWSWEEK), "--db", str(tmp_path / "n.json"), "--keys", str(path)]) == 1
    assert "not a valid TOML keys file" in capsys.readouterr().err


def test_an_unknown_binding_id_is_an_error_naming_the_ids(tmp_path: Path) -> None:
    path = tmp_path / "keys.toml"
    path.write_text('[keys]\n"tag.corroborate" = "C"\n', encoding="utf-8")
    with pytest.raises(KeymapError, match=r"'tag\.corroborate'.*tag\.corroborated"):
        load_keymap(path)


@pytest.mark.parametrize(
    ("content", "word"),
    [
        ('[keys]\n"tag.corroborated" = "notakey!!"\n', "not a key name"),
        ('[keys]\n"tag.corroborated" = "ctrl+"\n', "not a key name"),
        ('[keys]\n"tag.corroborated" = "j"\n', "given to both"),
        ('[keys]\n"tag.note" = "c"\n', "given to both"),
    ],
)
def test_keys_that_cannot_work_are_refused(tmp_path: Path, content: str, word: str) -> None:
    path = tmp_path / "keys.toml"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(KeymapError, match=word):
        load_keymap(path)


def test_swapping_two_keys_is_allowed(tmp_path: Path) -> None:
    path = tmp_path / "keys.toml"
    path.write_text('[keys]\n"tag.corroborated" = "x"\n"tag.contested" = "c"\n', "utf-8")
    assert load_keymap(path) == {"tag.corroborated": "x", "tag.contested": "c"}


@pytest.mark.parametrize("kind", ["fifo", "device", "folder"])
def test_a_keys_file_that_is_not_a_file_is_refused_without_reading(
    tmp_path: Path, kind: str
) -> None:
    import os

    path = {"fifo": tmp_path / "keys.toml", "device": Path("/dev/zero"), "folder": tmp_path}[kind]
    if kind == "fifo":
        os.mkfifo(path)
    with pytest.raises(KeymapError, match="not a keys file"):
        load_keymap(path)
