"""Reporting verbs in every inflection, sorted by what their complement must look like."""

from __future__ import annotations

from dataclasses import dataclass

# Verbs whose subject is a source whatever the complement: in news English "X said",
# "X warned" or "X confirmed" always reports what X stated.
_SPEECH = (
    "say tell state declare testify tweet insist contend assert remark comment recount "
    "complain concede admit acknowledge allege warn caution announce report confirm quip boast "
    "vow disclose speculate reiterate predict note observe"
)
# Verbs with a second, non-reporting sense that takes a plain object: "denied the motions",
# "claimed a prize", "added 12 points", "wrote a book", "responded with tear gas",
# "recommended her for the post". They report only with a clause, a quote, or as a tag after
# the reported words.
_CLAUSAL = (
    "claim deny add reveal write charge recall maintain estimate answer conclude reply respond "
    "recommend argue explain stress emphasize emphasise affirm reaffirm show indicate suggest"
)
# Verbs whose passive still reports, so "by X" names the source ("was reported by the AP");
# "was observed by monitors" or "responded by firing" do not.
REPORTED_BY = frozenset(
    "report announce confirm state claim reveal disclose estimate allege tweet write".split()
)
# Verbs of evidence: "records show", "reports indicate". Their subject is a source only when it
# is a document, a medium, a person or a body; "the move indicates" reports nothing. With a
# plain object they are not reports either ("Orozco showed no emotion").
_EVIDENTIAL = "show indicate suggest reveal confirm conclude"

_IRREGULAR = {
    "say": ("says", "said", "said", "saying"),
    "tell": ("tells", "told", "told", "telling"),
    "write": ("writes", "wrote", "written", "writing"),
    "show": ("shows", "showed", "shown", "showing"),
}
_DOUBLED = frozenset({"admit", "quip", "regret"})


@dataclass(frozen=True, slots=True)
class VerbForm:
    """One written form of a reporting verb."""

    lemma: str
    form: str  # "base", "s", "past", "participle" or "ing"
    clausal: bool  # reports only with a clause, a quote, or as a tag
    evidential: bool  # its subject must be able to hold or give evidence


def _inflect(lemma: str) -> dict[str, str]:
    if lemma in _IRREGULAR:
        third, past, participle, ing = _IRREGULAR[lemma]
        return {"base": lemma, "s": third, "past": past, "participle": participle, "ing": ing}
    stem = lemma + lemma[-1] if lemma in _DOUBLED else lemma
    if lemma.endswith("e"):
        past, ing = lemma + "d", lemma[:-1] + "ing"
    elif lemma.endswith("y") and lemma[-2] not in "aeiou":
        past, ing = lemma[:-1] + "ied", lemma + "ing"
    else:
        past, ing = stem + "ed", stem + "ing"
    if lemma.endswith("y") and lemma[-2] not in "aeiou":
        third = lemma[:-1] + "ies"
    elif lemma.endswith(("s", "sh", "ch", "x", "z")):
        third = lemma + "es"
    else:
        third = lemma + "s"
    return {"base": lemma, "s": third, "past": past, "participle": past, "ing": ing}


def _table() -> dict[str, VerbForm]:
    clausal, evidential = set(_CLAUSAL.split()), set(_EVIDENTIAL.split())
    table: dict[str, VerbForm] = {}
    for lemma in dict.fromkeys([*_SPEECH.split(), *clausal, *evidential]):
        for form, word in _inflect(lemma).items():
            # "said" is both past and participle; the participle reading is decided by context.
            table.setdefault(word, VerbForm(lemma, form, lemma in clausal, lemma in evidential))
    return table


VERB_FORMS = _table()
# Base and third-person forms that are also nouns ("state television", "mounting reports"): a verb only
# after a subject that can take it.
NOUN_LIKE = frozenset(
    _inflect(lemma)[form]
    for lemma in "report claim state note estimate comment charge show answer reply tweet "
    "remark recall vow boast quip".split()
    for form in ("base", "s")
)
