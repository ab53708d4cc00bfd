"""A source and a chain of sources, as the panel, the matrix and the export show them."""

from __future__ import annotations

import re
from dataclasses import dataclass

from reader.core.provenance.attribution._anaphors import stands_for_another
from reader.core.provenance.attribution._nouns import PERSON, listed_class

PRONOUNS = frozenset("he she they it we i you one".split())
_ARTICLES = re.compile(r"^(?:the|a|an)\s+", re.IGNORECASE)
# A source described by whose it is: "(Tara) Reid's rep" -> ("Reid", "rep").
_OWNED = re.compile(r"^(?:the\s+)?(?:[A-Z][\w.-]*\s+)*([A-Z][\w.-]*)['’]s\s+(\S.*)$")
_GENERIC_TAILS = frozenset("news post times press service network council committee".split())


@dataclass(frozen=True, slots=True)
class Source:
    """One link of an attribution: the phrase as written, its name if it has one, and the
    referent a pronoun or an anaphoric description ("the broadcaster") stands for."""

    text: str
    name: str | None
    role: str  # "relay" (published or carried it), "speaker" or "cited"
    resolved: str | None = None

    @property
    def pronoun(self) -> bool:
        """The link is a pronoun ("he said")."""
        return self.text.casefold() in PRONOUNS

    @property
    def anaphoric(self) -> bool:
        """A pronoun or a description that points back ("the company"), whatever it was
        resolved to: alone it says nothing about which source it is."""
        return stands_for_another(self.text)

    @property
    def vague(self) -> bool:
        """An unnamed source ("unnamed intelligence officials", "a Western diplomat")."""
        return self.name is None and self.resolved is None

    @property
    def key(self) -> str:
        """What two sources are compared by: the name's last word ("Peskov" for "Dmitry Peskov",
        "Suspilne"), two when that is a generic noun ("State Department"); a pronoun or an
        anaphoric description by its referent's; else the phrase without its article."""
        name = self.resolved or self.name
        owned = _OWNED.match(name or self.text)
        if owned:
            # "Tara Reid's rep", "Reid's rep" and "her rep" (resolved) are one source.
            return f"{owned.group(1).casefold()}'s {owned.group(2).casefold()}"
        if name is None:
            return _ARTICLES.sub("", self.text).casefold()
        words = name.casefold().split()
        generic = listed_class(words[-1]) not in (None, PERSON) or words[-1] in _GENERIC_TAILS
        keep = 2 if generic else 1
        return " ".join(words[-keep:])

    @property
    def label(self) -> str:
        """How the source is shown: the name, "he (Oppal)", else the phrase."""
        if self.name:
            return self.name
        if self.resolved:
            return f"{self.text} ({self.resolved})"
        return self.text


@dataclass(frozen=True)
class Attribution:
    """The chain of sources a passage names, outermost first; empty when it names none."""

    sources: tuple[Source, ...] = ()

    def __bool__(self) -> bool:
        return bool(self.sources)

    @property
    def names(self) -> frozenset[str]:
        """Keys of the sources, named and vague."""
        return frozenset(source.key for source in self.sources)

    @property
    def resolved_pronoun(self) -> str | None:
        """Whom the chain's pronoun stands for ("Oppal" in "he (Oppal)"), if it was resolved."""
        return next((s.resolved for s in self.sources if s.pronoun and s.resolved), None)

    def describe(self) -> str:
        """ "Suspilne ← unnamed intelligence officials"; empty when there is no attribution."""
        return " ← ".join(source.label for source in self.sources)
