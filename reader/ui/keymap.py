"""Remapping keys: a TOML file that maps binding ids to keys."""

from __future__ import annotations

import tomllib
from pathlib import Path


class KeymapError(Exception):
    """The keys file cannot be used; the message is one line for the user."""


def load_keymap(path: Path) -> dict[str, str]:
    """Read ``[keys]`` from a TOML file: ``"tag.corroborated" = "C"``, ``"claim.next" = "j,down"``."""
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise KeymapError(f"{path}: no such keys file") from None
    except (UnicodeDecodeError, tomllib.TOMLDecodeError) as error:
        raise KeymapError(f"{path}: not a valid TOML keys file ({error})") from None
    keys = data.get("keys", {})
    if not isinstance(keys, dict) or not all(
        isinstance(k, str) and isinstance(v, str) for k, v in keys.items()
    ):
        raise KeymapError(
            f'{path}: [keys] must map binding ids to key strings, e.g. "tag.note" = "N"'
        )
    return dict(keys)
