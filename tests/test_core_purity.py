"""The core and the command-line paths that need no screen never import Textual or Rich."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from tests.conftest import PROJECT

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
heavy = {"textual", "rich", "tinydb", "filelock", "markdown_it", "platformdirs", "rapidfuzz"}
print("loaded:" + ",".join(sorted(loaded & heavy)))
"""


def test_match_on_plain_text_loads_no_store_markdown_parser_or_fuzzy_matcher(
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
