"""What kind of thing a noun names: a person, a body, a medium or a document.

A described source ("a Reuters photographer", "the prosecutor", "state records") is a source
because of its head noun. Most nouns for people are built to name an agent ("journalist",
"prosecutor", "representative", "spokesman"), so the suffix decides; the few common ones that
are not (friend, chief, police) and the closed classes of bodies, media and documents are listed.
"""

from __future__ import annotations

import re

PERSON = "person"
GROUP = "group"  # people taken together: police, authorities, officials
BODY = "body"  # an organisation: company, ministry, team
MEDIUM = "medium"  # an outlet: newspaper, broadcaster, agency
DOCUMENT = "document"  # what can be read: report, statement, records

_PEOPLE = (
    "official chief head leader captain president minister mayor governor senator lawyer "
    "attorney doctor nurse expert source friend mother father wife husband son daughter brother "
    "sister relative neighbor neighbour colleague woman man person victim staff star rep coach "
    "aide adviser chair judge witness guard pilot medic coroner surgeon physician professor "
    "pastor priest bishop cleric imam rabbi king queen prince princess envoy delegate lawmaker "
    "deputy sheriff suspect hostage pirate sailor marine veteran mum mom dad parent child boy "
    "girl uncle aunt cousin fiancé fiancée girlfriend boyfriend widow guy crew host anchor "
    "editor model athlete rival ally sponsor donor insider clerk sergeant lieutenant colonel "
    "major general admiral marshal constable warden ceo cfo mp mep premier secretary agent "
    "staffer chairman chairwoman spokesman spokeswoman spokesperson analyst local native "
    "survivor fan client patient parent diplomat"
)
_GROUPS = "police authorities people family crowd staff personnel troops military army navy"
_BODIES = (
    "company firm group team ministry department government agency office administration "
    "council committee commission board court union party campaign bank club league school "
    "university hospital embassy giant carrier airline institute foundation association "
    "service bureau coalition organisation organization authority regulator watchdog "
    "prosecutor's parliament congress senate cabinet kremlin pentagon white state city county "
    "force unit corporation business maker manufacturer retailer provider operator club "
    "corp corp. inc inc. ltd ltd. co co. llc plc holdings gmbh"
)
_MEDIA = (
    "newspaper paper magazine broadcaster network channel station outlet radio television tv "
    "agency wire daily tabloid weekly website site blog show programme program journal "
    "publication media press news"
)
_DOCUMENTS = (
    "report statement record document indictment complaint affidavit filing survey study poll "
    "data figures letter memo release post tweet video footage article story account estimate "
    "census analysis review audit autopsy result finding transcript intelligence update "
    "assessment reports evidence testimony lawsuit suit motion order ruling verdict notice "
    "bulletin briefing announcement communique law rule regulation constitution treaty "
    "agreement contract policy guideline code bill act charter manifesto"
)
# Agent nouns are built with these suffixes (journal-ist, prosecut-or, represent-ative,
# spokes-man); words that only happen to end so are excluded below.
_AGENT_SUFFIX = re.compile(r"(?:er|or|ist|ian|ant|ent|ive|man|woman|person|eer|yst)$")
_NOT_AGENTS = frozenset(
    "order number matter water paper center centre border letter power danger summer winter "
    "weather murder answer disaster cancer computer container shelter error floor door color "
    "colour factor sector mirror motor horror honor honour labor labour favor favour moment "
    "event percent content component element segment agreement payment talent accident incident "
    "current extent intent plant restaurant objective alternative initiative incentive motive "
    "archive drive olive tower river quarter chapter corner manner banner offer other either "
    "neither rather further together never ever however whatever whenever over under after "
    "later earlier former latter anger hunger finger silver monster poster cover fever meter "
    "layer major minor mirror motor rumor rumour humor humour vapor tremor terror liquor "
    "investment government department statement document settlement environment development "
    "treatment argument comment movement management equipment parliament punishment "
    "announcement assessment commitment improvement judgment judgement tournament apartment "
    "experiment instrument fragment regiment sentiment excitement employment shipment "
    "evident different recent present urgent ancient frequent sufficient efficient violent "
    "important significant relevant pregnant vacant distant constant instant brilliant "
    "elegant arrogant abundant reluctant dominant tyrant massive positive negative "
    "active passive effective expensive extensive impressive aggressive "
    "explosive defensive offensive attractive inclusive exclusive comprehensive "
    "list mist fist twist exist assist resist insist consist persist wrist "
    "german human roman ottoman".split()
)
_CLASSES: dict[str, str] = {}
for _words, _kind in (
    (_DOCUMENTS, DOCUMENT),
    (_MEDIA, MEDIUM),
    (_BODIES, BODY),
    (_GROUPS, GROUP),
    (_PEOPLE, PERSON),
):
    for _word in _words.split():
        _CLASSES.setdefault(_word, _kind)


def singular(word: str) -> str:
    """The singular of a plural noun, by the regular rules ("deputies" -> "deputy")."""
    if word.endswith("ies") and len(word) > 4:
        return word[:-3] + "y"
    if word.endswith(("sses", "xes", "ches", "shes")):
        return word[:-2]
    if word.endswith("men"):
        return word[:-3] + "man"
    if word.endswith("s") and not word.endswith(("ss", "us", "is")):
        return word[:-1]
    return word


def noun_class(word: str) -> str | None:
    """The kind of source a head noun names, or None when it names no speaker or text."""
    folded = word.casefold().strip(".")
    for candidate in (folded, singular(folded)):
        if candidate in _CLASSES:
            return _CLASSES[candidate]
    base = singular(folded)
    if len(base) >= 5 and _AGENT_SUFFIX.search(base) and base not in _NOT_AGENTS:
        return PERSON
    return None


def listed_class(word: str) -> str | None:
    """The kind of a noun from the lists alone, without the agent suffixes."""
    folded = word.casefold().strip(".")
    return _CLASSES.get(folded) or _CLASSES.get(singular(folded))


def is_plural(word: str) -> bool:
    """A plural noun ("deputies", "police", "authorities")."""
    folded = word.casefold()
    if folded in ("police", "people", "staff", "crew", "personnel", "troops", "media"):
        return True
    return folded != singular(folded) and folded not in ("press", "news", "us")
