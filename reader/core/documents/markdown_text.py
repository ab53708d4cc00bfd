"""Writing extracted text as Markdown that ``markup.markdown_blocks`` reads back unchanged.

Each function returns one block of Markdown source; blocks are joined with blank lines. Text is
escaped so that nothing in it is read as markup: a headline starting "1." stays a headline,
"*" stays a star, "<b>" stays typed. Whitespace runs inside a line become one space and blank
lines are dropped, which is how the text reads back, so offsets computed on the blocks hold for
the saved file.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Mapping, Sequence

# Characters that open inline markup anywhere in a line: code spans, emphasis, links, raw HTML
# and autolinks, table pipes, strikethrough, and the backslash itself.
_INLINE = re.compile(r"([\\`*_\[\]<|~])")
_HEADING_INLINE = re.compile(r"([\\`*_\[\]<|~#])")
# An "&" only needs escaping where it would start an entity reference.
_ENTITY = re.compile(r"&(?=#?[A-Za-z0-9]+;)")
# What opens a block at the start of a line: a quote; an ATX heading, a bullet or an ordered
# list number ("12." or "12)") before a space or the end; a line of only "-" or "=" (a setext
# underline or a thematic break). "-12.5" and "1.1 million" are left alone.
_LINE_START = re.compile(
    r"^(?:>|#{1,6}(?=[ \t]|$)|[-+](?=[ \t]|$)|(\d{1,9})([.)])(?=[ \t]|$)|(?=[-= \t]+$)[-=])"
)
_BACKTICKS = re.compile(r"`+")


def normalize_lines(text: str) -> str:
    """Fold whitespace runs inside each line to one space and drop empty lines."""
    lines = (" ".join(line.split()) for line in text.split("\n"))
    return "\n".join(line for line in lines if line)


def escape(text: str) -> str:
    """Escape normalized text so Markdown reads every line of it as plain paragraph text."""
    lines = []
    for line in normalize_lines(text).split("\n"):
        line = _ENTITY.sub(r"\\&", _INLINE.sub(r"\\\1", line))
        lines.append(_LINE_START.sub(_escape_line_start, line, count=1))
    return "\n".join(lines)


def paragraph(text: str) -> str:
    """A paragraph; line breaks inside it are kept."""
    return escape(text)


def heading(text: str, level: int = 2) -> str:
    """An ATX heading on one line; "#" is escaped, as a closing run of them would be dropped."""
    flat = " ".join(text.split())
    if not flat:
        return ""
    escaped = _ENTITY.sub(r"\\&", _HEADING_INLINE.sub(r"\\\1", flat))
    return "#" * min(max(level, 1), 6) + " " + escaped


def list_item(text: str) -> str:
    """A bullet list item; continuation lines are indented under the bullet."""
    escaped = escape(text)
    return "- " + escaped.replace("\n", "\n  ") if escaped else ""


def quote(text: str) -> str:
    """A block quote of one paragraph."""
    escaped = escape(text)
    return "> " + escaped.replace("\n", "\n> ") if escaped else ""


def code(text: str) -> str:
    """A fenced code block, its fence longer than any run of backticks in the code."""
    body = text.rstrip()
    if not body.strip():
        return ""
    longest = max((len(run) for run in _BACKTICKS.findall(body)), default=0)
    fence = "`" * max(3, longest + 1)
    return f"{fence}\n{body}\n{fence}"


def table(rows: Sequence[Sequence[str]]) -> str:
    """A pipe table, the first row as its header; short rows are padded with empty cells."""
    width = max((len(row) for row in rows), default=0)
    if not width:
        return ""
    cells = [[escape(" ".join(cell.split())) for cell in row] for row in rows]
    lines = ["| " + " | ".join([*row, *[""] * (width - len(row))]) + " |" for row in cells]
    lines.insert(1, "|" + "---|" * width)
    return "\n".join(lines)


def join(blocks: Iterable[str]) -> str:
    """Join Markdown blocks with blank lines, skipping empty ones, ending with a newline."""
    return "\n\n".join(block for block in blocks if block.strip()) + "\n"


def front_matter(fields: Mapping[str, str]) -> str:
    """YAML front matter of flat ``key: "value"`` lines that ``split_front_matter`` reads back.

    Values are written as YAML double-quoted strings (JSON's escapes), so quotes, colons, "#"
    and backslashes survive; line breaks are written as escapes and never end the line.
    """
    lines = ["---"]
    for key, value in fields.items():
        quoted = json.dumps(value, ensure_ascii=False)
        # JSON leaves these raw, but YAML and str.splitlines() break lines at them.
        for char in ("\u0085", "\u2028", "\u2029"):
            quoted = quoted.replace(char, f"\\u{ord(char):04x}")
        lines.append(f"{key}: {quoted}")
    lines.append("---")
    return "\n".join(lines) + "\n\n"


def _escape_line_start(match: re.Match[str]) -> str:
    if match.group(1):
        return f"{match.group(1)}\\{match.group(2)}"
    return "\\" + match.group(0)
