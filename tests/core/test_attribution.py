"""Attribution rules, one group per cause of error measured on the dev set (issue 18).

Every sentence here was written for these tests; none is taken from the labelled data.
Each case gives the chain as link texts, outermost first, compared without a leading article.
"""

from __future__ import annotations

import re

import pytest

from reader.core.provenance.attribution import Attribution, Source, attribute


def chain(text: str) -> list[str]:
    return [
        re.sub(r"^(?:the|a|an) ", "", s.text, flags=re.IGNORECASE) for s in attribute(text).sources
    ]


def check(text: str, expected: str) -> None:
    wanted = [w.strip() for w in expected.split("←")] if expected else []
    found = chain(text)
    assert len(found) == len(wanted), (text, found)
    for want, got in zip(wanted, found, strict=True):
        assert want.casefold() in got.casefold(), (text, found)


SPEAKER_AFTER_THE_VERB = [
    ('"We will appeal," said the district attorney Maria Lopez.', "Maria Lopez"),
    (
        '"The water rose fast," said a local farmer to the Associated Press.',
        "Associated Press ← farmer",
    ),
    (
        "The crowd fled when shots rang out, a Reuters photographer at the scene said.",
        "Reuters photographer",
    ),
    ('"It was chaos," said Tom Baker, 52, a shop owner on the square.', "Tom Baker"),
    ("“Nobody expected this,” added Ana Ruiz, the town’s mayor.", "Ana Ruiz"),
    ('"We are devastated," the victim\'s brother, Leo Grant, said.', "Leo Grant"),
]
APPOSITIVES_AND_RELATIVE_CLAUSES = [
    ("Helen Park, the company's chief executive, said the plant would close.", "Helen Park"),
    ("Omar Haddad from the World Health Organization said the outbreak was over.", "Omar Haddad"),
    ("The mayor, who visited the site on Tuesday, said repairs would take months.", "mayor"),
    (
        "A man who lives next to the factory told the Guardian he heard two blasts.",
        "Guardian ← man",
    ),
    ("Jan Novak, 61, told the court he had never seen the papers.", "Jan Novak"),
    (
        "Ann Bell, the agency's director of health, safety and training, said it was closed.",
        "Ann Bell",
    ),
    ("The blaze spread to two homes, the fire chief, Tom Ross, said.", "Tom Ross"),
    ("Police arrested the man who they say hit the officer.", "they"),
    ("Her lawyer, Sam Reed, said she would plead not guilty.", "Sam Reed"),
    ("Sources close to the inquiry told CNN the suspect had fled.", "CNN ← Sources"),
]
DESCRIBED_BY_HEAD_NOUN = [
    ("A prosecutor said the evidence was overwhelming.", "prosecutor"),
    ("The journalist said she had been threatened twice.", "journalist"),
    ("Company representatives confirmed that talks had stalled.", "representatives"),
    ("Two executives said the merger was off.", "executives"),
    ("The rescue team said conditions were worsening.", "team"),
    ("The consulting firm estimated that losses would top $2 billion.", "firm"),
    ("Court records show the suspect had two prior arrests.", "records"),
    ("Company filings show revenue rose 12 percent.", "filings"),
    ("Rescuers pulled two people from the rubble, state television reported.", "state television"),
    (
        "A police report obtained by a local paper says the driver was speeding.",
        "paper ← police report",
    ),
]
REPORTING_VERBS_IN_ANY_TENSE_AND_CASE = [
    ("The minister admitted that the figures were wrong.", "minister"),
    ("Police acknowledged the arrest had been a mistake.", "Police"),
    ("Garcia noted that the vote was close.", "Garcia"),
    ("The engineer testified that the bridge had cracks.", "engineer"),
    ("According to the ministry, 40 people were hurt.", "ministry"),
    ("ACCORDING TO OFFICIALS, the road is closed.", "OFFICIALS"),
    ("The senator will say on Monday that she opposes the bill.", "senator"),
    ("Witnesses are saying the driver did not stop.", "Witnesses"),
    ("Critics have long argued that the program is wasteful.", "Critics"),
]
OUTLETS = [
    ("The mayor told 5News that the road would reopen Friday.", "5News ← mayor"),
    ("The coach told dpa he was staying.", "dpa ← coach"),
    ("The Chronicle reported that the deal collapsed.", "Chronicle"),
    ("The fire spread to three homes, WCCO-TV reported.", "WCCO-TV"),
    ("The mayor told the Times that the budget was short.", "Times ← mayor"),
    ("In an interview with the BBC, Ruiz said the vote was rigged.", "BBC ← Ruiz"),
    ("The governor told reporters that the state would appeal.", "governor"),
    ("The governor told a news conference that aid was coming.", "governor"),
]
NO_SPEAKER = [
    ("Three were reported missing.", ""),
    ("The suspect is said to have fled abroad.", ""),
    ("It was alleged that the funds were misused.", ""),
    ("The victims were told to stay indoors.", ""),
    ("The team added two goals in the second half.", ""),
    ("The judge denied the motion to dismiss.", ""),
    ("She claimed the title in 2010.", ""),
    ("The reported figures were revised later.", ""),
    ("The move indicates a change of strategy.", ""),
    ("She wrote a book about the war.", ""),
    ("The minister did not say when the talks would resume.", ""),
    ("Riot police responded by firing tear gas.", ""),
    ("Did I say that right?", ""),
    ("Shortly after, the bank received a call with a similar warning.", ""),
    ("The airline cancelled flights, citing security concerns.", ""),
    ("North Korean Troops Deserting Their Posts, Reports Say", ""),
]
CLAUSES_AND_LISTS = [
    ("Smith and Jones said the plan was sound.", "Smith"),
    ("The mayor and the governor both said the city would recover.", "mayor"),
    ("The fire was put out quickly and officials said no one was hurt.", "officials"),
    ("Johnson & Johnson said it would recall the product.", "Johnson & Johnson"),
    (
        "Acme Holdings Inc., the largest employer in town, said it would cut jobs.",
        "Acme Holdings Inc.",
    ),
    ("Tom Hale, Ann Wu and Raj Patel said the results were promising.", "Tom Hale"),
    ("Mayor Lee said the council approved the plan, but opponents said they would sue.", "Lee"),
    (
        "The North has sent 10,000 troops, a Western diplomat told the Kyiv Independent.",
        "Kyiv Independent ← diplomat",
    ),
]
CHAINS = [
    (
        "The plant will close, Reuters reported, citing two people familiar with the matter.",
        "Reuters ← people",
    ),
    (
        "Fighting resumed, according to the Associated Press, which cited local officials.",
        "Associated Press ← local officials",
    ),
    (
        "The talks failed, the diplomat said, according to the Financial Times.",
        "Financial Times ← diplomat",
    ),
    ("Witnesses told police the man ran off, Chief Ann Cole said.", "Ann Cole ← Witnesses"),
    ("Gonzalez was quoted by the newspaper as saying the vote was rigged.", "newspaper ← Gonzalez"),
    ("The Times quoted Gonzalez as saying the vote was rigged.", "Times ← Gonzalez"),
]


@pytest.mark.parametrize(("text", "expected"), SPEAKER_AFTER_THE_VERB)
def test_speaker_after_the_verb(text: str, expected: str) -> None:
    check(text, expected)


@pytest.mark.parametrize(("text", "expected"), APPOSITIVES_AND_RELATIVE_CLAUSES)
def test_appositive_or_clause_between_subject_and_verb(text: str, expected: str) -> None:
    check(text, expected)


@pytest.mark.parametrize(("text", "expected"), DESCRIBED_BY_HEAD_NOUN)
def test_described_source_by_its_head_noun(text: str, expected: str) -> None:
    check(text, expected)


@pytest.mark.parametrize(("text", "expected"), REPORTING_VERBS_IN_ANY_TENSE_AND_CASE)
def test_reporting_verbs_in_any_tense_and_case(text: str, expected: str) -> None:
    check(text, expected)


@pytest.mark.parametrize(("text", "expected"), OUTLETS)
def test_outlets_told_and_reporting(text: str, expected: str) -> None:
    check(text, expected)


@pytest.mark.parametrize(("text", "expected"), NO_SPEAKER)
def test_agentless_passives_and_other_senses_name_no_source(text: str, expected: str) -> None:
    check(text, expected)


@pytest.mark.parametrize(("text", "expected"), CLAUSES_AND_LISTS)
def test_clauses_split_at_and_but_not_inside_names_and_lists(text: str, expected: str) -> None:
    check(text, expected)


@pytest.mark.parametrize(("text", "expected"), CHAINS)
def test_relays_and_cited_sources_make_a_chain(text: str, expected: str) -> None:
    check(text, expected)


def test_names_leave_titles_out_and_keep_the_written_phrase() -> None:
    [source] = attribute("The fire spread, Troy Police Chief Charles Craft said.").sources
    assert source.text == "Troy Police Chief Charles Craft"
    assert source.name == "Charles Craft"
    assert source.role == "speaker"
    [relay, speaker] = attribute("Her aide told the Kyiv Post the visit was off.").sources
    assert (relay.role, relay.name, speaker.name) == ("relay", "Kyiv Post", None)


def test_a_pronoun_without_context_stays_a_pronoun() -> None:
    [source] = attribute("“The bullet missed me,” he said.").sources
    assert source.pronoun
    assert source.resolved is None
    assert attribute("“The bullet missed me,” he said.").describe() == "he"


def test_a_resolved_source_shows_and_compares_by_its_referent() -> None:
    resolved = Source("he", None, "speaker", "Wally Oppal")
    assert Attribution((resolved,)).describe() == "he (Wally Oppal)"
    assert resolved.key == Source("Wally Oppal", "Wally Oppal", "speaker").key
    assert Attribution((resolved,)).resolved_pronoun == "Wally Oppal"
    assert not resolved.vague
