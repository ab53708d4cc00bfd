"""Page furniture: the lines a saved news page carries around the article text."""

from __future__ import annotations

import re

_BOILERPLATE = re.compile(
    r"^\s*(?:\d+\s+comments?|comments?|subscribe|sign\s+up(?:\s+now)?|share(?:\s+this)?|"
    r"advertisement|read\s+more|related(?:\s+articles?)?|follow\s+us|newsletter|"
    r"click\s+here|log\s*in|sign\s+in|print|email)\s*[.!:]?\s*$",
    re.IGNORECASE,
)


def is_boilerplate(text: str) -> bool:
    """Whether a passage is page furniture ("Subscribe", "0 Comments", "Sign Up Now")."""
    return _BOILERPLATE.match(text) is not None
