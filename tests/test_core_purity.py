"""The core and the command-line paths that need no screen never import Textual or Rich."""

from __future__ import annotations

import subprocess
import sys

from tests.conftest import PROJECT

_CHECK = """
import importlib, pkgutil, sys
import reader.core
for module in pkgutil.walk_packages(reader.core.__path__, "reader.core."):
    importlib.import_module(module.name)
import reader.cli, reader.match_command
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
