"""The details on which two passages that tell the same event differ: a number, a count, a
date, a name, a denial."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from reader.core.matching.tokens import Token, tokenize
from reader.core.matching.words import MONTH_NAMES
from reader.core.provenance.attribution import Attribution

_VAGUE_QUANTITIES = frozenset(
    "several many some few dozens hundreds thousands millions scores numerous countless".split()
)
# A denial contradicts the same claim told plainly ("denied the strike" / "confirmed the strike").
_DENIAL_VERBS = frozenset(
    "denied deny denies denying rejected rejects dismissed dismisses refuted refutes".split()
)
# Calling a claim false denies it only as a predicate ("the reports are false"); on a noun
# ("fake news", "false documents") the adjective describes that noun and denies nothing.
_DENIAL_ADJECTIVES = frozenset("false fake untrue".split())
_COPULAS = frozenset(
    "is are was were be been being 's ’s seem seems seemed appear appears appeared as called "
    "calling branded labelled labeled".split()
)
_DEGREE = frozenset(
    "completely totally simply just entirely patently all utterly absolutely".split()
)
_AFTER_PREDICATE = frozenset("and or but because since that".split())
_WORD_OR_MARK = re.compile(r"[\w'’-]+|[^\w\s]")
# A particle negates the word after it; only that word told plainly is a contradiction.
_PARTICLES = frozenset("not no never none nobody".split())
# A refusal is negative wording, not a contradiction ("would not say" / "refused to disclose").
_REFUSALS = frozenset("refused refuses refusing declined declines declining".split())
# Skipped between a particle and the word it negates ("not yet been deployed").
_NEGATION_GAP = frozenset(
    "be been being was were is are have has had do does did to a an the yet even also only "
    "ever really".split()
)
_WEEKDAYS = frozenset("monday tuesday wednesday thursday friday saturday sunday".split())
_WORD = re.compile(r"[\w'’-]+")


@dataclass(frozen=True, slots=True)
class Conflict:
    """One detail on which two matched passages differ."""

    kind: str  # "number", "quantity", "date", "name" or "negation"
    a: str
    b: str

    def describe(self) -> str:
        """ "number: 6 vs 20"."""
        return f"{self.kind}: {self.a or '—'} vs {self.b or '—'}"


def find_conflicts(
    a: str, b: str, attribution_a: Attribution, attribution_b: Attribution
) -> tuple[Conflict, ...]:
    """Numbers, counts, dates, names and negation on which passages ``a`` and ``b`` differ;
    the names of their sources are not compared as names."""
    tokens_a, tokens_b = tokenize(a), tokenize(b)
    return (
        *_number_conflicts(tokens_a, tokens_b),
        *_date_conflicts(tokens_a, tokens_b),
        *_name_conflicts(a, b, tokens_a, tokens_b, attribution_a, attribution_b),
        *_negation_conflicts(a, b),
    )


def folded_words(text: str) -> list[str]:
    """The words of a text, case and apostrophes folded."""
    return [w.casefold().replace("’", "'") for w in _WORD.findall(text)]


def _numbers(tokens: list[Token]) -> set[str]:
    """Numbers, leaving out a day after a month name: that is a date, compared as one."""
    return {
        token.norm
        for index, token in enumerate(tokens)
        if token.is_number and not (index and tokens[index - 1].norm in MONTH_NAMES)
    }


def _number_conflicts(a: list[Token], b: list[Token]) -> list[Conflict]:
    numbers_a, numbers_b = _numbers(a), _numbers(b)
    only_a, only_b = numbers_a - numbers_b, numbers_b - numbers_a
    found: list[Conflict] = []
    if only_a and only_b:
        found.append(Conflict("number", ", ".join(sorted(only_a)), ", ".join(sorted(only_b))))
    # "thousands of troops" against "10,000 troops": a vague and an exact count of one thing.
    exact_a, exact_b = _counts(a, _is_exact), _counts(b, _is_exact)
    vague_a, vague_b = _counts(a, _is_vague), _counts(b, _is_vague)
    for noun, vague in vague_a.items():
        if noun in exact_b and noun not in vague_b:
            found.append(Conflict("quantity", vague, exact_b[noun]))
    for noun, vague in vague_b.items():
        if noun in exact_a and noun not in vague_a:
            found.append(Conflict("quantity", exact_a[noun], vague))
    return found


def _is_exact(token: Token) -> bool:
    return token.is_number


def _is_vague(token: Token) -> bool:
    return token.norm in _VAGUE_QUANTITIES


def _counts(tokens: list[Token], is_count: Callable[[Token], bool]) -> dict[str, str]:
    """Counted noun -> its first count, for the tokens ``is_count`` picks."""
    found: dict[str, str] = {}
    for index, token in enumerate(tokens):
        noun = _counted_noun(tokens, index) if is_count(token) else None
        if noun is not None:
            found.setdefault(noun, token.norm)
    return found


def _counted_noun(tokens: list[Token], index: int) -> str | None:
    """The word a count is of: the next content word, past "of"."""
    for token in tokens[index + 1 : index + 3]:
        if token.is_content and not token.is_number:
            return token.norm
    return None


def _dates(tokens: list[Token]) -> set[str]:
    found: set[str] = set()
    for index, token in enumerate(tokens):
        if token.norm in _WEEKDAYS:
            found.add(token.norm)
        elif token.norm in MONTH_NAMES and index + 1 < len(tokens) and tokens[index + 1].is_number:
            found.add(f"{token.norm} {tokens[index + 1].norm}")
    return found


def _date_conflicts(a: list[Token], b: list[Token]) -> list[Conflict]:
    dates_a, dates_b = _dates(a), _dates(b)
    if dates_a and dates_b and not dates_a & dates_b:
        return [Conflict("date", ", ".join(sorted(dates_a)), ", ".join(sorted(dates_b)))]
    return []


def _name_runs(text: str, tokens: list[Token], skip: frozenset[str]) -> set[tuple[str, ...]]:
    """Runs of two or more capitalised words, after the first word and not across punctuation:
    people, places, bodies."""
    runs: set[tuple[str, ...]] = set()
    run: list[str] = []
    previous_end = -1
    for token in [*tokens[1:], None]:
        capital = token is not None and not token.is_number and text[token.start].isupper()
        joined = token is not None and text[previous_end : token.start].isspace()
        if capital and token is not None and (joined or not run):
            run.append(token.norm)
            previous_end = token.end
            continue
        if len(run) >= 2 and not any(word in skip for word in run):
            runs.add(tuple(run))
        run = [token.norm] if capital and token is not None else []
        previous_end = token.end if token is not None else -1
    return runs


def _title_case(text: str) -> bool:
    words = [w for w in _WORD.findall(text) if len(w) > 3]
    return len(words) >= 4 and sum(w[0].isupper() for w in words) >= 0.85 * len(words)


def _related(a: str, b: str) -> bool:
    """The same word told two ways ("korea" / "korean")."""
    return a.startswith(b[:4]) and b.startswith(a[:4])


def _name_conflicts(
    a: str,
    b: str,
    tokens_a: list[Token],
    tokens_b: list[Token],
    attribution_a: Attribution,
    attribution_b: Attribution,
) -> list[Conflict]:
    """Names that share a word but differ in another ("Kim Yong-hyun" / "Kim Jong Un").

    Wholly different names are not compared: two reports name different people and places
    for good reasons, and without knowing their roles that would flag every pair.
    """
    if _title_case(a) or _title_case(b):
        return []  # a headline capitalises every word: its runs are not names
    # Who said it is compared as a source, not as a detail of the claim.
    skip = frozenset(
        t.norm
        for source in (*attribution_a.sources, *attribution_b.sources)
        for t in tokenize(source.text)
    )
    found: list[Conflict] = []
    runs_b = _name_runs(b, tokens_b, skip)
    for run_a in sorted(_name_runs(a, tokens_a, skip)):
        for run_b in sorted(runs_b):
            if run_a == run_b or not set(run_a) & set(run_b):
                continue
            rest_a, rest_b = set(run_a) - set(run_b), set(run_b) - set(run_a)
            if rest_a and rest_b and not any(_related(x, y) for x in rest_a for y in rest_b):
                found.append(Conflict("name", " ".join(run_a), " ".join(run_b)))
    return found[:1]


def _negated(words: list[str]) -> dict[str, str]:
    """Each word a particle negates, with the particle: "not deployed" -> {"deployed": "not"}."""
    found: dict[str, str] = {}
    for index, word in enumerate(words):
        if word in _PARTICLES or word.endswith("n't"):
            for after in words[index + 1 : index + 4]:
                if after not in _NEGATION_GAP:
                    found[after] = word
                    break
    return found


def _negation_conflicts(a: str, b: str) -> list[Conflict]:
    """A denial against a plain statement, or a negated word that the other passage asserts."""
    words_a, words_b = folded_words(a), folded_words(b)
    negated_a, negated_b = _negated(words_a), _negated(words_b)
    denials_a, denials_b = _denials(a, words_a), _denials(b, words_b)
    negative_a = bool(negated_a or denials_a or _REFUSALS.intersection(words_a))
    negative_b = bool(negated_b or denials_b or _REFUSALS.intersection(words_b))
    if negative_a == negative_b:
        return []
    if denials_a or denials_b:
        return [Conflict("negation", ", ".join(sorted(denials_a)), ", ".join(sorted(denials_b)))]
    negated, other = (negated_a, set(words_b)) if negative_a else (negated_b, set(words_a))
    for word, particle in negated.items():
        if word in other:
            cue = f"{particle} {word}"
            return [Conflict("negation", cue, "") if negative_a else Conflict("negation", "", cue)]
    return []


def _denials(text: str, words: list[str]) -> set[str]:
    """Denial verbs, and "false"/"fake"/"untrue" said of something, not put before a noun."""
    found = set(_DENIAL_VERBS.intersection(words))
    if _DENIAL_ADJECTIVES.isdisjoint(words):
        return found
    tokens = [t.casefold() for t in _WORD_OR_MARK.findall(text)]
    for index, token in enumerate(tokens):
        if token in _DENIAL_ADJECTIVES and _predicative(tokens, index):
            found.add(token)
    return found


def _predicative(tokens: list[str], index: int) -> bool:
    """ "the reports are (completely) false." / "dismissed as fake, and ...": a predicate."""
    before = index - 1
    while before >= 0 and tokens[before] in _DEGREE:
        before -= 1
    if before < 0 or tokens[before] not in _COPULAS:
        return False
    after = tokens[index + 1] if index + 1 < len(tokens) else ""
    return not after or not after[0].isalnum() or after in _AFTER_PREDICATE
