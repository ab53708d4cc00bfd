"""The core and the command-line paths that need no screen never import Textual or Rich."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from tests.support.paths import PROJECT

_CHECK = """
import importlib, pkgutil, sys
import reader.core
for module in pkgutil.walk_packages(reader.core.__path__, "reader.core."):
    importlib.import_module(module.name)
import reader.cli, reader.cli.match, reader.cli.notes, reader.cli.arguments
loaded = sorted(name for name in sys.modules if name.split(".")[0] in ("textual", "rich"))
print(",".join(loaded))
"""


def test_core_never_imports_textual_or_rich() -> None:
    result = subprocess.run(
        [sys.executable, "-c", _CHECK],
        capture_output=True,
        text=True,
        cwd=PROJECT,
        check=True,
        timeout=60,
    )
    assert result.stdout.strip() == ""


_MATCH_TEXT = """
import sys
from reader.cli import main
main(["match", *sys.argv[1:]])
loaded = {name.split(".")[0] for name in sys.modules}
# rapidfuzz is not here: matching uses it to find a story's spelling variants (_aliases.py).
heavy = {"textual", "rich", "tinydb", "filelock", "markdown_it", "platformdirs"}
print("loaded:" + ",".join(sorted(loaded & heavy)))
"""


def test_match_on_plain_text_loads_no_store_or_markdown_parser(
    tmp_path: Path,
) -> None:
    # Start-up is most of `reader match` on a cluster of articles (0.42 s -> 0.31 s on 20).
    for name in ("a.txt", "b.txt"):
        (tmp_path / name).write_text("Six soldiers were killed on Tuesday.\n", encoding="utf-8")
    result = subprocess.run(
        [sys.executable, "-c", _MATCH_TEXT, str(tmp_path / "a.txt"), str(tmp_path / "b.txt")],
        capture_output=True,
        text=True,
        cwd=PROJECT,
        check=True,
        timeout=60,
    )
    assert result.stdout.splitlines()[-1] == "loaded:"


_OPEN_TEXT = """
import sys
import reader.core.documents, reader.cli.add
from reader.core.documents.loading import expand_paths, load_document
for path in expand_paths(sys.argv[1:]):
    load_document(path)
from reader.cli import main
main(["match", *sys.argv[1:]])
extractors = {"trafilatura", "lxml", "pdfminer", "httpx", "httpcore", "justext", "htmldate"}
loaded = {name.split(".")[0] for name in sys.modules}
print("loaded:" + ",".join(sorted(loaded & extractors)))
"""


def test_opening_text_and_markdown_loads_no_extractor_or_http_stack(tmp_path: Path) -> None:
    # trafilatura alone costs a quarter of a second to import; .txt and .md must not pay it.
    (tmp_path / "a.txt").write_text("Six soldiers were killed on Tuesday.\n", encoding="utf-8")
    (tmp_path / "b.md").write_text("---\ntitle: B\n---\nSix soldiers died.\n", encoding="utf-8")
    result = subprocess.run(
        [sys.executable, "-c", _OPEN_TEXT, str(tmp_path)],
        capture_output=True,
        text=True,
        cwd=PROJECT,
        check=True,
        timeout=60,
    )
    assert result.stdout.splitlines()[-1] == "loaded:"
