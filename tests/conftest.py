"""Fixtures for every layer: the shared evaluation data (skipped when absent) and a local web
server."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.support.export_data import tagged_case
from tests.support.paths import SHARED
from tests.support.web_server import LocalServer


@pytest.fixture
def seeds_dir() -> Path:
    """The folder of the founding articles in ../shared, or skip when it is absent."""
    path = SHARED / "seeds"
    if not path.is_dir():
        pytest.skip("../shared/seeds is not beside the project")
    return path


@pytest.fixture
def eval_dir() -> Path:
    """The evaluation data in ../shared/eval, or skip when it is absent."""
    path = SHARED / "eval"
    if not path.is_dir():
        pytest.skip("../shared/eval is not beside the project")
    return path


@pytest.fixture
def web_server(monkeypatch: pytest.MonkeyPatch) -> Iterator[LocalServer]:
    """A web server on 127.0.0.1 serving pages the test defines; no proxy in the way."""
    for name in (
        "HTTP_PROXY",
        "HTTPS_PROXY",
        "ALL_PROXY",
        "http_proxy",
        "https_proxy",
        "all_proxy",
    ):
        monkeypatch.delenv(name, raising=False)
    server = LocalServer()
    yield server
    server.stop()


@pytest.fixture
def case(tmp_path: Path) -> Path:
    """A case folder: the sample pair and a notes file with three notes, one of them hostile."""
    return tagged_case(tmp_path)
