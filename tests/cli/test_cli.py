"""The command line: version, help, and one clear line for every bad input."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from pathlib import Path
from typing import NoReturn

import pytest

from reader import __version__
from reader.cli import main
from tests.support.paths import PROJECT


def run_cli(*args: str, cwd: Path = PROJECT) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "reader", *args],
        capture_output=True,
        text=True,
        cwd=cwd,
        timeout=60,
        check=False,
    )


def test_version() -> None:
    result = run_cli("--version")
    assert result.returncode == 0
    assert result.stdout.strip() == f"reader {__version__}"


def test_help_lists_commands() -> None:
    result = run_cli("--help")
    assert result.returncode == 0
    assert "reader match" in result.stdout
    assert "--db" in result.stdout


def bad_inputs(tmp_path: Path) -> dict[str, tuple[Path, str]]:
    nul = tmp_path / "nul.txt"
    nul.write_bytes(b"\x00" * 256)
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    broken16 = tmp_path / "broken16.txt"
    broken16.write_bytes(b"\xff\xfe\x00\xd8x")
    big = tmp_path / "big.txt"
    big.write_bytes(b"word " * 300_000)
    no_docs = tmp_path / "no_docs"
    no_docs.mkdir()
    (no_docs / "image.png").write_bytes(b"\x89PNG")
    return {
        "missing": (tmp_path / "missing.md", "no such file"),
        "binary": (nul, "binary"),
        "empty": (empty, "empty"),
        "encoding": (broken16, "not valid utf-16"),
        "too large": (big, "over the 1.0 MB limit"),
        "no documents": (no_docs, "no .txt, .md, .markdown, .html, .htm or .pdf"),
    }


@pytest.mark.parametrize(
    "case", ["missing", "binary", "empty", "encoding", "too large", "no documents"]
)
@pytest.mark.parametrize("command", [[], ["match"]])
def test_bad_input_is_one_line_on_stderr(
    tmp_path: Path, case: str, command: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    path, expected = bad_inputs(tmp_path)[case]
    code = main([*command, str(path), "--max-size", "1"])
    captured = capsys.readouterr()
    assert code == 1
    assert captured.out == ""
    lines = captured.err.strip().splitlines()
    assert len(lines) == 1
    assert lines[0].startswith("reader: error: ")
    assert expected in lines[0]


def test_no_paths_is_a_clear_error(capsys: pytest.CaptureFixture[str]) -> None:
    assert main([]) == 1
    assert "no documents given" in capsys.readouterr().err


def test_errors_from_the_installed_entry_point_have_no_traceback(tmp_path: Path) -> None:
    result = run_cli(str(tmp_path / "nowhere.txt"))
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    assert (
        result.stderr.strip()
        == f"reader: error: {tmp_path / 'nowhere.txt'}: no such file or folder"
    )


def test_match_exits_fast_with_all_its_output_and_its_code(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # `reader match` ends with os._exit after flushing: nothing may be cut off.
    paths = [str(p) for p in sorted((PROJECT / "sample_docs").glob("*.md"))]
    assert main(["match", "--json", *paths]) == 0
    in_process = capsys.readouterr().out
    result = run_cli("match", "--json", *paths)
    assert result.returncode == 0
    assert result.stdout == in_process
    assert len(result.stdout) > 1000
    missing = run_cli("match", str(tmp_path / "missing.txt"))
    assert missing.returncode == 1
    assert "no such file" in missing.stderr


def test_match_on_a_large_input_prints_what_one_process_finds(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    # Over 2,000 passages, the command makes the passages' features on every core it may use
    # (reader/core/matching/_cores.py): the matches must be those of one process.
    rivers = ["Seim", "Desna", "Psel", "Vorskla", "Oskil", "Donets"]
    for name, verb in (("a.txt", "crossed"), ("b.txt", "waded across")):
        sentences = [
            f"Unit {number} of the {rivers[number % 6]} brigade {verb} the river with "
            f"{number * 7 % 90 + 10} soldiers after midnight."
            for number in range(1_100)
        ]
        (tmp_path / name).write_text("\n\n".join(sentences) + "\n", encoding="utf-8")
    paths = [str(tmp_path / "a.txt"), str(tmp_path / "b.txt")]
    monkeypatch.setattr("reader.cli.match.usable_cores", lambda: 1)
    assert main(["match", "--json", *paths]) == 0
    in_one_process = capsys.readouterr().out
    result = run_cli("match", "--json", *paths)
    assert result.returncode == 0, result.stderr
    assert result.stdout == in_one_process
    assert len(json.loads(result.stdout)["matches"]) >= 1_000


@pytest.mark.skipif(sys.platform != "linux", reason="features fork on Linux only")
def test_no_copy_of_match_outlives_it_when_it_is_killed(tmp_path: Path) -> None:
    # SIGKILL to reader alone (a caller's timeout): the copy that reads half the documents
    # (reader/core/matching/_cores.py) must not run on, holding the caller's pipe.
    for name in ("a.txt", "b.txt", "c.txt", "d.txt"):
        sentences = [
            f"Unit {n} of brigade {name[0]}{n % 97} crossed the river near village {n * 31 % 1013}."
            for n in range(12_000)
        ]
        (tmp_path / name).write_text("\n\n".join(sentences) + "\n", encoding="utf-8")
    process = subprocess.Popen(
        [sys.executable, "-m", "reader", "match", "--json", str(tmp_path)],
        cwd=PROJECT,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    children = Path(f"/proc/{process.pid}/task/{process.pid}/children")
    copies: list[str] = []
    deadline = time.monotonic() + 30
    while not copies and process.poll() is None and time.monotonic() < deadline:
        copies = children.read_text().split() if children.exists() else []
        time.sleep(0.01)
    process.kill()
    process.wait()
    assert copies, "the command ended before it forked"
    # The copy has about a second of work left: it must end with the command, not after it.
    time.sleep(0.2)
    assert not any(_running(pid) for pid in copies)


def _running(pid: str) -> bool:
    """Whether a process runs (a zombie waiting for init to reap it has ended)."""
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except (FileNotFoundError, IndexError):
        return False
    return state not in ("Z", "X")


def test_match_top_keeps_the_json_shape_and_fewer_matches() -> None:
    every = json.loads(run_cli("match", "--json", "sample_docs").stdout)
    done = run_cli("match", "--json", "--top", "1", "--explain", "sample_docs")
    best = json.loads(done.stdout)
    assert set(best) == {"documents", "settings", "matches"}
    assert best["settings"]["top"] == 1
    assert 0 < len(best["matches"]) < len(every["matches"])
    first = best["matches"][0]
    assert {"a", "b", "score", "strength", "explanation"} <= set(first)
    assert 0 < first["score"] <= 100
    assert {"aliases", "folds"} <= set(first["explanation"])
    assert run_cli("match", "--top", "0", "sample_docs").returncode == 2


def test_match_explain_in_text_says_which_numbers_and_names_differ(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "a.txt").write_text(
        "Six soldiers of the Azov unit were killed on Tuesday.\n", "utf-8"
    )
    (tmp_path / "b.txt").write_text(
        "Nine soldiers of the Azov unit were killed on Tuesday.\n", "utf-8"
    )
    assert main(["match", "--explain", str(tmp_path)]) == 0
    out = capsys.readouterr().out
    # A .txt file's label is its first line.
    assert "  only in Six soldiers of the Azov unit were killed on Tuesday.: 6\n" in out
    assert "  only in Nine soldiers of the Azov unit were killed on Tuesday.: 9\n" in out
    assert main(["match", str(tmp_path)]) == 0
    assert "only in" not in capsys.readouterr().out


def test_match_names_each_documents_story_and_says_how_many(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from tests.core.test_stories import FLOOD, STRIKE, reports

    reports(tmp_path, "flood", FLOOD, 5)
    reports(tmp_path, "strike", STRIKE, 5)
    assert main(["match", "--json", str(tmp_path)]) == 0
    data = json.loads(capsys.readouterr().out)
    stories = {Path(d["path"]).name[:5]: d["story"] for d in data["documents"]}
    assert stories["flood"] != stories["strik"]
    assert main(["match", str(tmp_path)]) == 0
    assert capsys.readouterr().out.endswith(
        "across 10 documents in 2 stories (reader match --json names each document's story)\n"
    )
    assert (
        json.loads(run_cli("match", "--json", "sample_docs").stdout)["documents"][0]["story"] == 0
    )


def test_a_match_found_beside_a_strong_one_says_so(capsys: pytest.CaptureFixture[str]) -> None:
    # The seeds: "Intelligence sources cited by the broadcaster reveal ..." follows a sentence
    # that strongly matches "Around 18 North Koreans ... cited unnamed intelligence officials".
    assert main(["match", "--json", "--explain", str(PROJECT / "sample_docs")]) == 0
    data = json.loads(capsys.readouterr().out)
    beside = [m for m in data["matches"] if m["explanation"]["beside_strong"]]
    assert len(beside) == 1
    assert beside[0]["strength"] == "partial"
    assert main(["match", str(PROJECT / "sample_docs")]) == 0
    text = capsys.readouterr().out
    assert "  beside a strong match in its paragraph, sharing two of its words\n" in text


def _closed(stream: int) -> subprocess.CompletedProcess[str]:
    """reader match on sample_docs, started with one of its standard streams closed."""
    return subprocess.run(
        [sys.executable, "-m", "reader", "match", "sample_docs"],
        cwd=PROJECT,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
        preexec_fn=lambda: os.close(stream),
    )


def test_closed_output_streams_give_one_line_or_keep_the_output_clean() -> None:
    closed_out = _closed(1)
    assert closed_out.returncode == 1
    assert closed_out.stderr == "reader: error: standard output is closed\n"
    closed_err = _closed(2)
    assert closed_err.returncode == 0
    assert closed_err.stdout.endswith("13 matches (5 strong) across 2 documents\n")
    assert "note" not in closed_err.stdout


def test_an_impossible_size_limit_is_a_usage_error() -> None:
    result = run_cli("match", "--max-size", "1e308", "sample_docs")
    assert result.returncode == 2
    assert "must be at most 1,000,000 megabytes" in result.stderr
    assert "Traceback" not in result.stderr


def test_running_out_of_memory_is_one_line(monkeypatch: pytest.MonkeyPatch) -> None:
    def exhausted(*_: object, **__: object) -> NoReturn:
        raise MemoryError

    monkeypatch.setattr("reader.cli.match.match_documents", exhausted)
    assert main(["match", "sample_docs"]) == 1
