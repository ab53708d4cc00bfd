"""Three short reports of one strike, for the claim x source matrix: one tells the same
claims, one gives a different number of dead."""

from __future__ import annotations

from pathlib import Path

from reader.core.documents.document import Document
from reader.core.documents.loading import load_document

BASE = """# Strike on the depot

Six soldiers were killed in a strike on the fuel depot near Kharkiv on Tuesday, officials said.

The regional governor ordered an evacuation of three nearby villages.

A local football team won its first match of the season at home.

The city council approved a new budget for road repairs after a long debate.

Schools in the district will reopen next week after the autumn holiday.
"""

SAME = """# Depot hit

Officials said six soldiers were killed when a strike hit a fuel depot near Kharkiv on Tuesday.

Three villages near the depot were evacuated on the governor's order.

Electricity was restored to most homes in the city by the evening.

Rail services between the capital and the coast were delayed by a signal fault.
"""

DIFFERENT = """# Depot strike toll

Nine soldiers were killed in a strike on the fuel depot near Kharkiv on Tuesday.

Separately, grain exports through the Black Sea ports rose for a third month.

A new bridge over the river opened to traffic after two years of construction.

The national bank left its interest rate unchanged at its monthly meeting.
"""


def write(folder: Path, name: str, text: str) -> Document:
    """A document written to ``folder`` and loaded."""
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return load_document(path)


def constructed(tmp_path: Path) -> list[Document]:
    """The base report, one that agrees, one that differs, as documents in ``tmp_path``."""
    return [
        write(tmp_path, "a.md", BASE),
        write(tmp_path, "b.md", SAME),
        write(tmp_path, "c.md", DIFFERENT),
    ]
