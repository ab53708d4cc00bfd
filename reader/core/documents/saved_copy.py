"""A dated copy of an article in a case folder: Markdown with its provenance, and the original.

``save_copy`` writes ``<outlet>-<title>.md`` (front matter: title, outlet, author, date, url,
retrieved, sha256 of the original bytes, extractor) and keeps the original bytes in
``.sources/<sha256>.html`` or ``.pdf``, so what was read can be shown and extracted again when
the site has changed. It never overwrites a file, and the same original twice is one copy.
"""

from __future__ import annotations

import hashlib
import os
import re
import unicodedata
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from reader.core.documents import markdown_text as md
from reader.core.documents.article import Article
from reader.core.documents.document_error import DocumentError
from reader.core.documents.markup import split_front_matter
from reader.core.documents.original import Original

SOURCES_FOLDER = ".sources"
# The front matter fields in the order they are written; an article's others follow.
FIELDS = ("title", "outlet", "author", "date", "url", "retrieved", "sha256", "extractor")

_NAME_CHARACTERS = re.compile(r"[^a-z0-9]+")
_NAME_LENGTH = 60
# A copy's front matter is at its top; reading this much of each file finds it.
_HEAD_BYTES = 64 * 1024


@dataclass(frozen=True)
class SavedCopy:
    """Where an article's copy is, and whether it was already in the folder."""

    path: Path
    duplicate: bool


def sha256_of(data: bytes) -> str:
    """The hex sha256 of a source's original bytes, which names its kept original."""
    return hashlib.sha256(data).hexdigest()


def find_copy(folder: Path, sha256: str) -> Path | None:
    """The Markdown copy in a folder whose front matter names this sha256, if any."""
    if not folder.is_dir():
        return None
    for path in sorted(folder.glob("*.md")):
        try:
            with path.open(encoding="utf-8", errors="replace") as file:
                head = file.read(_HEAD_BYTES)
        except OSError:
            continue
        if split_front_matter(head)[0].get("sha256") == sha256:
            return path
    return None


def save_copy(folder: Path, source: Original, article: Article, retrieved: datetime) -> SavedCopy:
    """Write the article's Markdown copy and keep the original, unless it is already there."""
    digest = sha256_of(source.data)
    existing = find_copy(folder, digest)
    if existing is not None:
        return SavedCopy(existing, duplicate=True)
    fields = {key: article.metadata.get(key, "") for key in FIELDS}
    fields["retrieved"] = retrieved.strftime("%Y-%m-%dT%H:%M:%SZ")
    fields["sha256"] = digest
    fields.update({k: v for k, v in article.metadata.items() if k not in FIELDS})
    text = md.front_matter(fields) + article.markdown
    folder.mkdir(parents=True, exist_ok=True)
    original = _keep_original(folder, digest, source)
    try:
        stem = file_stem(fields["outlet"], fields["title"], digest)
        path = _write_new(folder, stem, text.encode("utf-8"))
    except BaseException:
        if original is not None:
            original.unlink(missing_ok=True)
        raise
    return SavedCopy(path, duplicate=False)


def file_stem(outlet: str, title: str, digest: str) -> str:
    """A short, safe file name from outlet and title: lowercase ASCII words joined by "-"."""
    words = _slug(f"{outlet} {title}")
    if len(words) > _NAME_LENGTH:
        words = words[:_NAME_LENGTH].rsplit("-", 1)[0]
    if not _slug(title):  # a title in another script leaves no ASCII: keep it apart by digest
        words = "-".join(part for part in (words, digest[:12]) if part)
    return words


def _slug(text: str) -> str:
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    return _NAME_CHARACTERS.sub("-", ascii_text.lower()).strip("-")


def _keep_original(folder: Path, digest: str, source: Original) -> Path | None:
    """Write the original bytes once; return the path if this call created it."""
    sources = folder / SOURCES_FOLDER
    sources.mkdir(exist_ok=True)
    path = sources / f"{digest}.{source.kind}"
    if path.exists():
        return None
    partial = path.with_name(f".{path.name}.partial")
    partial.write_bytes(source.data)
    os.replace(partial, path)
    return path


def copy_file(folder: Path, source: Path) -> SavedCopy:
    """Copy a text or Markdown file into the case folder under its own name (``-2`` and so on
    when the name is taken), unless a file with the same bytes is there already."""
    data = source.read_bytes()
    suffix = source.suffix.lower()
    for present in sorted(folder.glob(f"*{suffix}")):
        try:
            if present.stat().st_size == len(data) and present.read_bytes() == data:
                return SavedCopy(present, duplicate=True)
        except OSError:
            continue
    stem = _slug(source.stem) or sha256_of(data)[:12]
    return SavedCopy(_write_new(folder, stem, data, suffix), duplicate=False)


def _write_new(folder: Path, stem: str, data: bytes, suffix: str = ".md") -> Path:
    """Create ``stem.md``, or ``stem-2.md`` and so on: an existing file is never replaced."""
    for number in range(1, 10_000):
        path = folder / (f"{stem}{suffix}" if number == 1 else f"{stem}-{number}{suffix}")
        try:
            file = path.open("xb")
        except FileExistsError:
            continue
        try:
            with file:
                file.write(data)
        except BaseException:
            path.unlink(missing_ok=True)  # a half-written copy must not stay behind
            raise
        return path
    raise DocumentError(f"{folder}: no free file name for {stem}{suffix}")
